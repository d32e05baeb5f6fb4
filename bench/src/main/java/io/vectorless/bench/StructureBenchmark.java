package io.vectorless.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vectorless.indexer.tree.BuiltTree;
import io.vectorless.indexer.tree.TreeBuilder;
import io.vectorless.indexer.tree.TreeOptions;
import io.vectorless.ingest.parse.DocumentParser;
import io.vectorless.ingest.parse.ImageSink;
import io.vectorless.ingest.parse.ParseLimits;
import io.vectorless.ingest.parse.SourceFile;
import io.vectorless.ingest.parse.ocr.OcrMode;
import io.vectorless.ingest.parse.ocr.OcrSettings;
import io.vectorless.schema.parsed.Block;
import io.vectorless.schema.parsed.ParsedDocument;
import io.vectorless.schema.tree.TreeNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Heading quality on a corpus of real documents, per kind of document. The corpus is a directory with one
 * sub-directory per kind ({@code tenk}, {@code papers}, {@code books}, {@code manuals}, {@code reports}, {@code docx};
 * {@code bench/real-corpus.sh} gathers it from public sources). The truth of a PDF is a checked contents list beside
 * it ({@code name.pdf.toc}: one {@code level|title|page} line per entry) when there is one, else its own bookmarks;
 * each PDF is parsed as published ("kept") and with its bookmarks and named destinations removed ("removed"). The
 * truth of a DOCX is the headings pandoc reads from it ({@code name.docx.pandoc.json}). A heading matches a truth
 * entry with the same title up to case, spacing, punctuation and leading numbering, on the same page or the next.
 * For 10-K filings it also prints the share of trees that show Items 1A, 7, 7A and 8 as nodes.
 *
 * <p>Usage: {@code StructureBenchmark [-v] [-c] corpusDir [kind...]}; {@code -v} lists each file's figures; {@code -c}
 * also parses each PDF whose bookmarks nest with its top-level bookmarks only ("chapters"), as many books are
 * published, to measure how far the sections inside each chapter are found; kinds named after the directory limit
 * the run to those sub-directories. OCR is off: the text layer is what is measured.
 */
public final class StructureBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Pattern> TENK_ITEMS = new LinkedHashMap<>();

    static {
        TENK_ITEMS.put("1A", Pattern.compile("(?i)^item\\s*1a\\b.*"));
        TENK_ITEMS.put("7", Pattern.compile("(?i)^item\\s*7\\b(?!\\s*a\\b).*"));
        TENK_ITEMS.put("7A", Pattern.compile("(?i)^item\\s*7a\\b.*"));
        TENK_ITEMS.put("8", Pattern.compile("(?i)^item\\s*8\\b.*"));
    }

    record Heading(int level, String title, int page) {
    }

    /** Micro counts plus the sum of per-file F1 (for the mean). */
    record Score(int files, int truth, int detected, int matched, double f1Sum) {
        static final Score ZERO = new Score(0, 0, 0, 0, 0);

        Score plus(int t, int d, int m) {
            return new Score(files + 1, truth + t, detected + d, matched + m, f1Sum + f1(ratio(m, d), ratio(m, t)));
        }

        String describe() {
            double p = ratio(matched, detected);
            double r = ratio(matched, truth);
            return String.format(Locale.ROOT, "%3d files  P %.3f  R %.3f  F1 %.3f  mean F1 %.3f", files, p, r,
                    f1(p, r), files == 0 ? 0 : f1Sum / files);
        }
    }

    private final boolean verbose;
    private final DocumentParser parser;
    private final TreeBuilder trees = new TreeBuilder(TreeOptions.defaults());
    private final Map<String, Score> kept = new TreeMap<>();
    private final Map<String, Score> removed = new TreeMap<>();
    private final Map<String, Score> chapters = new TreeMap<>();
    private boolean chaptersOnly;
    private int tenkTrees;
    private int tenkKept;
    private int tenkRemoved;
    private int exactBookmarkFiles;
    private int exactBookmarkReproduced;
    private int id;

    private StructureBenchmark(boolean verbose, DocumentParser parser) {
        this.verbose = verbose;
        this.parser = parser;
    }

    public static void main(String[] args) throws IOException {
        boolean verbose = false;
        boolean chapterRun = false;
        Path corpus = null;
        java.util.Set<String> only = new java.util.HashSet<>();
        for (String arg : args) {
            if (arg.equals("-v")) {
                verbose = true;
            } else if (arg.equals("-c")) {
                chapterRun = true;
            } else if (corpus == null) {
                corpus = Path.of(arg);
            } else {
                only.add(arg);
            }
        }
        if (corpus == null) {
            System.err.println("usage: StructureBenchmark [-v] corpusDir [kind...]");
            System.exit(2);
        }
        // structure is measured on the text layer: OCR of the odd picture-only page (a cover, a plate) would make the
        // figures depend on the machine's speed through the parse time limit, and adds nothing to the headings
        try (DocumentParser parser = new DocumentParser(ParseLimits.defaults().withTimeout(Duration.ofMinutes(10)),
                OcrSettings.defaults().withMode(OcrMode.OFF))) {
            StructureBenchmark bench = new StructureBenchmark(verbose, parser);
            bench.chaptersOnly = chapterRun;
            List<Path> kinds;
            try (Stream<Path> list = Files.list(corpus)) {
                kinds = list.filter(Files::isDirectory)
                        .filter(k -> only.isEmpty() || only.contains(k.getFileName().toString())).sorted().toList();
            }
            for (Path kind : kinds) {
                bench.kind(kind);
            }
            bench.print();
        }
    }

    private void kind(Path directory) throws IOException {
        String kind = directory.getFileName().toString();
        List<Path> files;
        try (Stream<Path> list = Files.list(directory)) {
            files = list.filter(p -> p.toString().toLowerCase(Locale.ROOT).matches(".*\\.(pdf|docx)$")).sorted()
                    .toList();
        }
        for (Path file : files) {
            try {
                if (file.toString().toLowerCase(Locale.ROOT).endsWith(".docx")) {
                    docx(kind, file);
                } else {
                    pdf(kind, file);
                }
            } catch (RuntimeException e) {
                System.out.printf(Locale.ROOT, "  %-40s failed: %s%n", file.getFileName(), e.getMessage());
            }
        }
    }

    private void pdf(String kind, Path file) throws IOException {
        byte[] original = Files.readAllBytes(file);
        List<Heading> bookmarks = new ArrayList<>();
        byte[] stripped;
        boolean nothingToRemove;
        try (PDDocument document = Loader.loadPDF(original)) {
            if (document.isEncrypted()) {
                // opened with the empty user password, as the parser does; saved without the encryption
                document.setAllSecurityToBeRemoved(true);
            }
            PDDocumentCatalog catalog = document.getDocumentCatalog();
            nothingToRemove = catalog.getDocumentOutline() == null && catalog.getCOSObject().getItem(COSName.DESTS) == null
                    && (catalog.getNames() == null || catalog.getNames().getCOSObject().getItem(COSName.DESTS) == null)
                    && catalog.getCOSObject().getItem(COSName.PAGE_LABELS) == null;
            bookmarks.addAll(PdfNavigation.bookmarks(document));
            stripped = PdfNavigation.withoutNavigation(document);
        }
        Path tocFile = file.resolveSibling(file.getFileName() + ".toc");
        List<Heading> truth = Files.exists(tocFile) ? readToc(tocFile) : bookmarks;
        String name = file.getFileName().toString();
        ParsedDocument asPublished = parse(original, name);
        // a PDF without bookmarks, destinations or page labels parses the same either way: once is enough
        ParsedDocument withoutBookmarks = nothingToRemove ? asPublished : parse(stripped, name);
        boolean tenk = kind.equals("tenk") && !name.startsWith("10Q");
        if (tenk) {
            tenkTrees++;
            tenkKept += hasItems(asPublished, name) ? 1 : 0;
            tenkRemoved += hasItems(withoutBookmarks, name) ? 1 : 0;
        }
        if (truth.size() < 3) {
            if (verbose) {
                System.out.printf(Locale.ROOT, "  %-40s no truth (bookmarks %d)%s%n", shorten(name), bookmarks.size(),
                        tenk ? itemsNote(asPublished, withoutBookmarks, name) : "");
            }
            return;
        }
        if (truth == bookmarks) {
            exactBookmarkFiles++;
            exactBookmarkReproduced += reproducesExactly(asPublished, bookmarks) ? 1 : 0;
        }
        int[] a = compare(headings(asPublished), truth, true);
        int[] b = compare(headings(withoutBookmarks), truth, true);
        kept.merge(kind, Score.ZERO.plus(truth.size(), a[0], a[1]), StructureBenchmark::sum);
        removed.merge(kind, Score.ZERO.plus(truth.size(), b[0], b[1]), StructureBenchmark::sum);
        String chapterNote = "";
        if (chaptersOnly && bookmarks.stream().anyMatch(h -> h.level() > 1)) {
            byte[] pruned;
            try (PDDocument document = Loader.loadPDF(original)) {
                if (document.isEncrypted()) {
                    document.setAllSecurityToBeRemoved(true);
                }
                pruned = PdfNavigation.chaptersOnly(document);
            }
            ParsedDocument chapterBookmarks = parse(pruned, name);
            int[] c = compare(headings(chapterBookmarks), truth, true);
            chapters.merge(kind, Score.ZERO.plus(truth.size(), c[0], c[1]), StructureBenchmark::sum);
            chapterNote = String.format(Locale.ROOT, "  chapters %4d/%4d F1 %.3f", c[1], c[0],
                    f1(ratio(c[1], c[0]), ratio(c[1], truth.size())));
        }
        if (verbose) {
            System.out.printf(Locale.ROOT, "  %-40s truth %4d (%s)  kept %4d/%4d F1 %.3f %-7s removed %4d/%4d F1 %.3f"
                            + " %-7s%s%n", shorten(name), truth.size(), truth == bookmarks ? "bookmarks" : "contents",
                    a[1], a[0], f1(ratio(a[1], a[0]), ratio(a[1], truth.size())), asPublished.structureSource(),
                    b[1], b[0], f1(ratio(b[1], b[0]), ratio(b[1], truth.size())), withoutBookmarks.structureSource(),
                    (tenk ? itemsNote(asPublished, withoutBookmarks, name) : "") + chapterNote);
        }
    }

    private void docx(String kind, Path file) throws IOException {
        Path pandoc = file.resolveSibling(file.getFileName() + ".pandoc.json");
        if (!Files.exists(pandoc)) {
            return;
        }
        List<Heading> truth = new ArrayList<>();
        collectHeaders(JSON.readTree(pandoc.toFile()).path("blocks"), truth);
        if (truth.isEmpty()) {
            return;
        }
        ParsedDocument parsed = parse(Files.readAllBytes(file), file.getFileName().toString());
        int[] counts = compare(headings(parsed), truth, false);
        kept.merge(kind, Score.ZERO.plus(truth.size(), counts[0], counts[1]), StructureBenchmark::sum);
        if (verbose) {
            System.out.printf(Locale.ROOT, "  %-40s truth %4d (pandoc)  found %4d/%4d F1 %.3f %s%n",
                    shorten(file.getFileName().toString()), truth.size(), counts[1], counts[0],
                    f1(ratio(counts[1], counts[0]), ratio(counts[1], truth.size())), parsed.structureSource());
        }
    }

    private ParsedDocument parse(byte[] bytes, String name) {
        return parser.parse(bytes, new SourceFile(1, ++id, 1, name, ""), ImageSink.DISCARD);
    }

    private static List<Heading> headings(ParsedDocument parsed) {
        List<Heading> headings = new ArrayList<>();
        for (Block block : parsed.blocks()) {
            if (block.isHeading()) {
                headings.add(new Heading(block.level(), block.text(), block.page()));
            }
        }
        return headings;
    }

    /** {detected, matched}: each detected heading matches at most one unused truth entry. */
    static int[] compare(List<Heading> detected, List<Heading> truth, boolean pages) {
        boolean[] used = new boolean[truth.size()];
        List<String> keys = truth.stream().map(h -> RealPdfHeadings.normalize(h.title())).toList();
        int matched = 0;
        for (Heading found : detected) {
            String key = RealPdfHeadings.normalize(found.title());
            int best = -1;
            for (int i = 0; i < truth.size(); i++) {
                if (used[i] || !keys.get(i).equals(key)) {
                    continue;
                }
                int distance = Math.abs(truth.get(i).page() - found.page());
                if (pages && distance > 1) {
                    continue;
                }
                if (best < 0 || pages && distance < Math.abs(truth.get(best).page() - found.page())) {
                    best = i;
                }
            }
            if (best >= 0) {
                used[best] = true;
                matched++;
            }
        }
        return new int[]{detected.size(), matched};
    }

    /** The tree as published lists exactly the bookmarks, in order, with their levels and pages. */
    private static boolean reproducesExactly(ParsedDocument parsed, List<Heading> bookmarks) {
        List<Heading> headings = headings(parsed);
        if (headings.size() != bookmarks.size()) {
            return false;
        }
        for (int i = 0; i < headings.size(); i++) {
            Heading a = headings.get(i);
            Heading b = bookmarks.get(i);
            if (a.page() != b.page() || a.level() != Math.min(b.level(), 9)
                    || !a.title().equals(b.title().replaceAll("\\s+", " ").strip())) {
                return false;
            }
        }
        return true;
    }

    /** Items 1A, 7, 7A and 8 each a node of the tree the indexer builds (a part split off one does not count). */
    private boolean hasItems(ParsedDocument parsed, String name) {
        BuiltTree tree = trees.build(parsed, name);
        List<String> titles = new ArrayList<>();
        for (TreeNode node : tree.nodes()) {
            titles.add(node.title().replaceAll("\\s+", " ").strip());
        }
        return missingItems(titles).isEmpty();
    }

    private static List<String> missingItems(List<String> titles) {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Pattern> item : TENK_ITEMS.entrySet()) {
            if (titles.stream().noneMatch(t -> item.getValue().matcher(t).matches())) {
                missing.add(item.getKey());
            }
        }
        return missing;
    }

    private String itemsNote(ParsedDocument asPublished, ParsedDocument withoutBookmarks, String name) {
        return "  items missing kept " + missingItems(titles(asPublished, name)) + " removed "
                + missingItems(titles(withoutBookmarks, name));
    }

    private List<String> titles(ParsedDocument parsed, String name) {
        List<String> titles = new ArrayList<>();
        for (TreeNode node : trees.build(parsed, name).nodes()) {
            titles.add(node.title().replaceAll("\\s+", " ").strip());
        }
        return titles;
    }

    private static List<Heading> readToc(Path file) throws IOException {
        List<Heading> entries = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String[] parts = line.split("\\|");
            if (parts.length == 3 && !line.startsWith("#")) {
                entries.add(new Heading(Integer.parseInt(parts[0].strip()), parts[1].strip(),
                        Integer.parseInt(parts[2].strip())));
            }
        }
        return entries;
    }

    /** Every Header in document order, also inside block quotes, divs, lists and table cells. */
    private static void collectHeaders(JsonNode node, List<Heading> out) {
        if (node.isObject() && node.path("t").asText().equals("Header")) {
            JsonNode content = node.path("c");
            StringBuilder text = new StringBuilder();
            inlines(content.get(2), text);
            String title = text.toString().replaceAll("\\s+", " ").strip();
            if (!title.isEmpty()) {
                out.add(new Heading(content.get(0).asInt(), title, 0));
            }
            return;
        }
        if (node.isArray() || node.isObject()) {
            for (JsonNode child : node) {
                collectHeaders(child, out);
            }
        }
    }

    private static void inlines(JsonNode inlines, StringBuilder out) {
        if (inlines == null) {
            return;
        }
        for (JsonNode inline : inlines) {
            switch (inline.path("t").asText()) {
                case "Str" -> out.append(inline.path("c").asText());
                case "Space", "SoftBreak", "LineBreak" -> out.append(' ');
                case "Emph", "Strong", "Underline", "SmallCaps", "Strikeout", "Superscript", "Subscript" ->
                        inlines(inline.path("c"), out);
                case "Span", "Quoted", "Link" -> inlines(inline.path("c").get(1), out);
                default -> {
                }
            }
        }
    }

    private void print() {
        System.out.println();
        System.out.println("heading precision / recall / F1 against the truth, per kind (micro counts; mean F1 per file)");
        for (String kind : kept.keySet()) {
            System.out.printf(Locale.ROOT, "%-8s as published:      %s%n", kind, kept.get(kind).describe());
            if (removed.containsKey(kind)) {
                System.out.printf(Locale.ROOT, "%-8s bookmarks removed: %s%n", kind, removed.get(kind).describe());
            }
            if (chapters.containsKey(kind)) {
                System.out.printf(Locale.ROOT, "%-8s chapter bookmarks: %s%n", kind, chapters.get(kind).describe());
            }
        }
        System.out.printf(Locale.ROOT, "PDFs whose bookmarks are the truth reproduced exactly as published: %d of %d%n",
                exactBookmarkReproduced, exactBookmarkFiles);
        if (tenkTrees > 0) {
            System.out.printf(Locale.ROOT, "10-K trees with Items 1A, 7, 7A and 8 as nodes: as published %d of %d "
                            + "(%.0f%%), bookmarks removed %d of %d (%.0f%%)%n", tenkKept, tenkTrees,
                    100.0 * tenkKept / tenkTrees, tenkRemoved, tenkTrees, 100.0 * tenkRemoved / tenkTrees);
        }
    }

    private static Score sum(Score a, Score b) {
        return new Score(a.files + b.files, a.truth + b.truth, a.detected + b.detected, a.matched + b.matched,
                a.f1Sum + b.f1Sum);
    }

    private static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 39) + "~";
    }

    static double ratio(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    static double f1(double precision, double recall) {
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }
}
