package io.vectorless.ingest.parse;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeFilter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the main content of an HTML (or XHTML) document in order: headings {@code h1}-{@code h6}, paragraphs and
 * list items as text, tables one row per line. Navigation, banners, footers, sidebars, scripts and forms are left
 * out. The walk is iterative, so deeply nested markup cannot overflow the stack.
 */
final class HtmlWalker {
    /** What the walk finds, in document order. */
    interface Sink {
        /** An element with an {@code id} was reached (EPUB navigation points at these). */
        default void anchor(String id) {
        }

        /** @param sectionDepth how many {@code section}/{@code article} elements enclose the heading */
        void heading(int level, String title, int sectionDepth);

        void text(String text);
    }

    private static final Set<String> SKIPPED = Set.of("script", "style", "noscript", "template", "nav", "aside",
            "form", "button", "select", "textarea", "iframe", "svg", "canvas", "head", "menu", "dialog");
    private static final Set<String> BOILERPLATE_ROLES = Set.of("navigation", "banner", "contentinfo",
            "complementary", "search", "menu", "menubar", "toolbar", "doc-pagelist");
    private static final Pattern BOILERPLATE_NAMES = Pattern.compile(
            "(?i)(^|[\\s_-])(nav|navbar|menu|sidebar|breadcrumbs?|cookie|cookies|banner|advert|ads|share|social"
                    + "|related|comments?|skip-link|site-header|site-footer|masthead|toolbar)($|[\\s_-])");
    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "ul", "ol", "dl", "dt", "dd", "pre",
            "blockquote", "section", "article", "main", "header", "footer", "figure", "figcaption", "address",
            "br", "hr", "tr", "caption", "body", "center", "details", "summary");
    private static final Pattern HEADING = Pattern.compile("h[1-6]");
    /** Documentation generators end headings with a link symbol to the heading itself ("Install¶"). */
    private static final Pattern PERMALINK = Pattern.compile("[\\s\u00B6\u00A7\uD83D\uDD17]+$");

    private HtmlWalker() {
    }

    /** The element holding the document's main content: {@code main}, else a lone {@code article}, else the body. */
    static Element mainContent(Element body) {
        Elements main = body.select("main, [role=main]");
        if (main.size() == 1) {
            return main.first();
        }
        Elements articles = body.select("article");
        if (articles.size() == 1 && articles.first().text().length() * 2 > body.text().length()) {
            return articles.first();
        }
        return body;
    }

    static void walk(Element root, Sink sink, Deadline deadline) {
        StringBuilder paragraph = new StringBuilder();
        int[] visited = {0};
        int[] sections = {0};
        root.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (++visited[0] % 2000 == 0) {
                    deadline.check();
                }
                if (node instanceof TextNode text) {
                    paragraph.append(text.getWholeText());
                    return FilterResult.CONTINUE;
                }
                if (!(node instanceof Element element)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                String tag = element.normalName();
                if (element != root && isBoilerplate(element, tag)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (!element.id().isEmpty()) {
                    flush(paragraph, sink);
                    sink.anchor(element.id());
                }
                if (HEADING.matcher(tag).matches()) {
                    flush(paragraph, sink);
                    String title = PERMALINK.matcher(element.text()).replaceAll("");
                    if (!title.isEmpty()) {
                        sink.heading(tag.charAt(1) - '0', title, sections[0]);
                    }
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (tag.equals("table")) {
                    flush(paragraph, sink);
                    String rows = table(element);
                    if (!rows.isBlank()) {
                        sink.text(rows);
                    }
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (tag.equals("section") || tag.equals("article")) {
                    sections[0]++;
                }
                if (BLOCKS.contains(tag)) {
                    flush(paragraph, sink);
                } else if (tag.equals("img") && !element.attr("alt").isBlank()) {
                    paragraph.append(' ').append(element.attr("alt")).append(' ');
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element element) {
                    String tag = element.normalName();
                    if (tag.equals("section") || tag.equals("article")) {
                        sections[0]--;
                    }
                    if (BLOCKS.contains(tag)) {
                        flush(paragraph, sink);
                    }
                }
                return FilterResult.CONTINUE;
            }
        });
        flush(paragraph, sink);
    }

    private static void flush(StringBuilder paragraph, Sink sink) {
        String text = Text.oneLine(paragraph.toString());
        paragraph.setLength(0);
        if (!text.isEmpty()) {
            sink.text(text);
        }
    }

    static boolean isBoilerplate(Element element, String tag) {
        if (SKIPPED.contains(tag) || element.hasAttr("hidden")
                || "true".equalsIgnoreCase(element.attr("aria-hidden"))) {
            return true;
        }
        String role = element.attr("role").toLowerCase(Locale.ROOT);
        if (BOILERPLATE_ROLES.contains(role)) {
            return true;
        }
        if ((tag.equals("header") || tag.equals("footer")) && element.parent() != null
                && Set.of("body", "html").contains(element.parent().normalName())) {
            // the site's banner and footer; an article's own header stays
            return true;
        }
        return !tag.equals("body") && !tag.equals("main") && !tag.equals("article")
                && (BOILERPLATE_NAMES.matcher(element.className()).find()
                || BOILERPLATE_NAMES.matcher(element.id()).find());
    }

    private static String table(Element table) {
        List<String> rows = new ArrayList<>();
        for (Element row : table.select("tr")) {
            if (row.closest("table") != table) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (Element cell : row.children()) {
                if (cell.normalName().equals("td") || cell.normalName().equals("th")) {
                    cells.add(Text.oneLine(cell.text()));
                }
            }
            if (cells.stream().anyMatch(c -> !c.isEmpty())) {
                rows.add(String.join(" | ", cells));
            }
        }
        return String.join("\n", rows);
    }
}
