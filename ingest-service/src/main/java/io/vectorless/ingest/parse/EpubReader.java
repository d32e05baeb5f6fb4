package io.vectorless.ingest.parse;

import io.vectorless.schema.parsed.ParsedDocument;
import io.vectorless.schema.parsed.StructureSource;
import io.vectorless.core.failure.PermanentFailure;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * EPUB 2 and 3: the chapters in spine order; the book's own navigation (the EPUB 3 {@code nav} document, else the
 * EPUB 2 NCX) gives the outline, and each chapter's headings go beneath its entry. Without navigation, the
 * chapters' headings are the outline. The archive is inflated with the same bomb counters as DOCX, entries are
 * looked up by name only (never touching the file system), and XML is read without DTDs, so entities cannot expand.
 */
final class EpubReader {
    private static final int MAX_ENTRIES = 10_000;

    /** One navigation entry: a chapter file and an element in it (or its start). */
    private record NavPoint(int level, String title, String file, String fragment) {
    }

    private final ParseContext context;
    private final BlockWriter writer = new BlockWriter();
    private PageCounter pages;

    EpubReader(ParseContext context) {
        this.context = context;
    }

    ParsedDocument read(byte[] bytes) {
        Map<String, byte[]> entries = inflate(bytes);
        String opfPath = rootFile(entries);
        Document opf = xml(entries, opfPath, "the package document");
        String base = opfPath.contains("/") ? opfPath.substring(0, opfPath.lastIndexOf('/') + 1) : "";
        Map<String, Element> manifest = new HashMap<>();
        for (Element item : opf.select("manifest > item")) {
            manifest.put(item.attr("id"), item);
        }
        List<String> spine = new ArrayList<>();
        for (Element ref : opf.select("spine > itemref")) {
            Element item = manifest.get(ref.attr("idref"));
            if (item != null) {
                spine.add(resolve(base, item.attr("href")));
            }
        }
        if (spine.isEmpty()) {
            throw new PermanentFailure("the EPUB has no chapters: its package lists no spine items");
        }
        List<NavPoint> outline = navigation(entries, opf, manifest, base);
        String title = Text.oneLine(opf.select("metadata > title, metadata > dc|title").text());
        pages = new PageCounter(context.limits.charsPerPage());
        Map<String, List<NavPoint>> byFile = new LinkedHashMap<>();
        for (NavPoint point : outline) {
            byFile.computeIfAbsent(point.file(), f -> new ArrayList<>()).add(point);
        }
        for (String chapter : spine) {
            context.deadline.check();
            byte[] xhtml = entries.get(chapter);
            if (xhtml == null) {
                context.warn("the chapter '" + chapter + "' listed in the spine is missing from the EPUB");
                continue;
            }
            chapter(chapter, xhtml, byFile.getOrDefault(chapter, List.of()), !outline.isEmpty());
        }
        context.checkPages(pages.pageCount(), "pages (approximated)");
        StructureSource structure = writer.headingCount() > 0 ? StructureSource.HEADINGS : StructureSource.PARAGRAPHS;
        return context.result(title.isEmpty() ? null : title, pages.pageCount(), structure, writer.blocks());
    }

    /**
     * One chapter: its navigation entries are placed where they point, and its own headings nest under the entry
     * before them (a chapter's first heading that repeats the entry's title is the same heading, written once).
     */
    private void chapter(String name, byte[] xhtml, List<NavPoint> points, boolean hasOutline) {
        HtmlReader.checkSize(xhtml.length, "the chapter '" + name + "'");
        Document document = Jsoup.parse(new String(xhtml, StandardCharsets.UTF_8), "");
        Element body = document.body();
        int[] topLevel = {7};
        body.select("h1, h2, h3, h4, h5, h6").forEach(h -> topLevel[0] = Math.min(topLevel[0], h.normalName().charAt(1) - '0'));
        List<NavPoint> pending = new ArrayList<>(points);
        // anchor[0]: outline level of the entry last placed; anchor[1]: the h level that entry stands for
        int[] anchorLevel = {0, topLevel[0] - 1, points.isEmpty() ? 1 : points.get(0).level()};
        String[] anchorTitle = {null};
        Runnable emitStart = () -> {
            while (!pending.isEmpty() && pending.get(0).fragment().isEmpty()) {
                emit(pending.remove(0), anchorLevel, anchorTitle);
            }
        };
        emitStart.run();
        HtmlWalker.walk(body, new HtmlWalker.Sink() {
            @Override
            public void anchor(String id) {
                for (int i = 0; i < pending.size(); i++) {
                    if (pending.get(i).fragment().equals(id)) {
                        // entries are in reading order: any skipped before this one point at missing ids
                        for (int j = 0; j <= i; j++) {
                            emit(pending.remove(0), anchorLevel, anchorTitle);
                        }
                        return;
                    }
                }
            }

            @Override
            public void heading(int level, String title, int sectionDepth) {
                if (anchorTitle[0] != null && sameTitle(anchorTitle[0], title)) {
                    anchorTitle[0] = null;
                    anchorLevel[1] = level;
                    return;
                }
                anchorTitle[0] = null;
                int nested = hasOutline ? anchorLevel[0] + Math.max(1, level - anchorLevel[1]) : level;
                writer.heading(Math.min(9, nested), title, pages.page());
                pages.add(title.length() + 1);
            }

            @Override
            public void text(String text) {
                // a running head or a dateline may sit above the chapter's own title: still the same heading
                writer.line(text, pages.page());
                writer.paragraphBreak();
                pages.add(text.length() + 2);
            }
        }, context.deadline);
        // entries whose target was not found still name their part of the book
        while (!pending.isEmpty()) {
            emit(pending.remove(0), anchorLevel, anchorTitle);
        }
    }

    private void emit(NavPoint point, int[] anchorLevel, String[] anchorTitle) {
        writer.heading(point.level(), point.title(), pages.page());
        pages.add(point.title().length() + 1);
        anchorLevel[1] += point.level() - (anchorLevel[0] == 0 ? anchorLevel[2] : anchorLevel[0]);
        anchorLevel[0] = point.level();
        anchorTitle[0] = point.title();
    }

    private static boolean sameTitle(String a, String b) {
        String x = a.replaceAll("[^\\p{L}\\p{N}]+", "").toLowerCase();
        String y = b.replaceAll("[^\\p{L}\\p{N}]+", "").toLowerCase();
        return !x.isEmpty() && !y.isEmpty() && (x.equals(y) || x.contains(y) || y.contains(x));
    }

    private List<NavPoint> navigation(Map<String, byte[]> entries, Document opf, Map<String, Element> manifest,
                                      String base) {
        List<NavPoint> points = new ArrayList<>();
        for (Element item : manifest.values()) {
            if (Set.of(item.attr("properties").split("\\s+")).contains("nav")) {
                String path = resolve(base, item.attr("href"));
                byte[] nav = entries.get(path);
                if (nav != null) {
                    Document document = Jsoup.parse(new String(nav, StandardCharsets.UTF_8), "");
                    Element toc = document.select("nav").stream()
                            .filter(n -> n.attr("epub:type").contains("toc")).findFirst()
                            .orElse(document.selectFirst("nav"));
                    Element list = toc == null ? null : toc.selectFirst("ol");
                    if (list != null) {
                        navList(list, 1, dir(path), points);
                    }
                }
            }
        }
        if (points.isEmpty()) {
            Element spine = opf.selectFirst("spine");
            Element ncxItem = spine == null ? null : manifest.get(spine.attr("toc"));
            if (ncxItem != null) {
                String path = resolve(base, ncxItem.attr("href"));
                if (entries.containsKey(path)) {
                    Document ncx = xml(entries, path, "the NCX table of contents");
                    Element map = ncx.selectFirst("navMap");
                    if (map != null) {
                        ncxPoints(map, 1, dir(path), points);
                    }
                }
            }
        }
        return points;
    }

    private void navList(Element list, int level, String dir, List<NavPoint> points) {
        for (Element li : list.children()) {
            if (!li.normalName().equals("li")) {
                continue;
            }
            Element link = li.selectFirst("> a, > span");
            if (link != null && !link.text().isBlank()) {
                add(points, level, link.text(), dir, link.attr("href"));
            }
            Element sub = li.selectFirst("> ol");
            if (sub != null && level < 9) {
                navList(sub, level + 1, dir, points);
            }
        }
    }

    private void ncxPoints(Element parent, int level, String dir, List<NavPoint> points) {
        for (Element point : parent.children()) {
            if (!point.normalName().equalsIgnoreCase("navPoint")) {
                continue;
            }
            Element label = point.selectFirst("> navLabel > text");
            Element content = point.selectFirst("> content");
            if (label != null && content != null && !label.text().isBlank()) {
                add(points, level, label.text(), dir, content.attr("src"));
            }
            if (level < 9) {
                ncxPoints(point, level + 1, dir, points);
            }
        }
    }

    private static void add(List<NavPoint> points, int level, String title, String dir, String href) {
        if (href.isBlank()) {
            return;
        }
        int hash = href.indexOf('#');
        String file = hash < 0 ? href : href.substring(0, hash);
        String fragment = hash < 0 ? "" : href.substring(hash + 1);
        points.add(new NavPoint(level, Text.oneLine(title), resolve(dir, file), fragment));
    }

    private static String dir(String path) {
        return path.contains("/") ? path.substring(0, path.lastIndexOf('/') + 1) : "";
    }

    /** A relative reference inside the archive, normalised ("../Text/ch1.xhtml", "%20"), never leaving it. */
    static String resolve(String base, String href) {
        try {
            String decoded = URI.create("x:/" + base).resolve(new URI(null, null, href, null)).getPath();
            String path = decoded.startsWith("/") ? decoded.substring(1) : decoded;
            return path.replace("../", "");
        } catch (IllegalArgumentException | java.net.URISyntaxException e) {
            return base + href;
        }
    }

    private String rootFile(Map<String, byte[]> entries) {
        if (!entries.containsKey("META-INF/container.xml")) {
            throw new PermanentFailure("the EPUB has no META-INF/container.xml and cannot be read");
        }
        Element root = xml(entries, "META-INF/container.xml", "the EPUB container").selectFirst("rootfile");
        if (root == null || root.attr("full-path").isBlank() || !entries.containsKey(root.attr("full-path"))) {
            throw new PermanentFailure("the EPUB's container does not name a package document it contains");
        }
        return root.attr("full-path");
    }

    private static Document xml(Map<String, byte[]> entries, String name, String what) {
        byte[] bytes = entries.get(name);
        if (bytes == null) {
            throw new PermanentFailure("the EPUB is missing " + what + " (" + name + ")");
        }
        return Jsoup.parse(new String(bytes, StandardCharsets.UTF_8), "", Parser.xmlParser());
    }

    /** All entries in memory, with the archive bounds of {@link ParseLimits} checked while inflating. */
    private Map<String, byte[]> inflate(byte[] bytes) {
        Map<String, byte[]> entries = new HashMap<>();
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (entries.size() >= MAX_ENTRIES) {
                    throw new PermanentFailure("the EPUB has more than " + MAX_ENTRIES + " files and was not processed");
                }
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                long entryBytes = 0;
                int read;
                while ((read = zip.read(buffer)) > 0) {
                    entryBytes += read;
                    total += read;
                    if (entryBytes > context.limits.maxZipEntryBytes() || total > context.limits.maxUncompressedBytes()
                            || total > 10L * 1024 * 1024 && total > bytes.length * context.limits.maxInflateRatio()) {
                        throw new PermanentFailure("the archive expands far beyond its size (entry '"
                                + entry.getName() + "'): it looks like a decompression bomb and was not processed");
                    }
                    if (!entry.isDirectory() && !isBinary(entry.getName())) {
                        out.write(buffer, 0, read);
                    }
                }
                if (!entry.isDirectory()) {
                    entries.put(entry.getName(), out.toByteArray());
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new PermanentFailure("the EPUB is a damaged ZIP archive and cannot be read: "
                    + DocumentParser.describe(e), e);
        }
        return entries;
    }

    /** Pictures, fonts and media are counted against the bounds but not kept. */
    private static boolean isBinary(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return lower.matches(".*\\.(jpe?g|png|gif|webp|svg|ttf|otf|woff2?|mp3|mp4|m4a|ogg|pdf)$");
    }
}
