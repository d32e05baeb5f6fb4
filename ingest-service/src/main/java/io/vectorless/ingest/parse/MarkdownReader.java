package io.vectorless.ingest.parse;

import io.vectorless.schema.parsed.ParsedDocument;
import io.vectorless.schema.parsed.StructureSource;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown through commonmark: ATX and Setext headings (a {@code #} inside fenced code is code, the parser knows),
 * YAML front matter stripped with its {@code title:} kept as the document title, tables as text one row per line.
 */
final class MarkdownReader {
    private static final Pattern FRONT_MATTER = Pattern.compile("\\A---[ \\t]*\\R(.*?\\R)?(?:---|\\.\\.\\.)[ \\t]*(\\R|\\z)",
            Pattern.DOTALL);
    private static final Pattern TITLE = Pattern.compile("(?m)^title:\\s*(.+?)\\s*$");
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final TextContentRenderer RENDERER = TextContentRenderer.builder().extensions(EXTENSIONS).build();

    private final ParseContext context;

    MarkdownReader(ParseContext context) {
        this.context = context;
    }

    ParsedDocument read(String content) {
        String title = null;
        String body = content;
        Matcher frontMatter = FRONT_MATTER.matcher(content);
        if (frontMatter.find()) {
            String yaml = frontMatter.group(1) == null ? "" : frontMatter.group(1);
            Matcher titleLine = TITLE.matcher(yaml);
            if (titleLine.find()) {
                title = unquote(titleLine.group(1));
            }
            body = content.substring(frontMatter.end());
        }
        Node document = PARSER.parse(body);
        BlockWriter writer = new BlockWriter();
        PageCounter pages = new PageCounter(context.limits.charsPerPage());
        int count = 0;
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (++count % 200 == 0) {
                context.deadline.check();
            }
            if (node instanceof Heading heading) {
                String text = RENDERER.render(heading).strip();
                writer.heading(heading.getLevel(), text, pages.page());
                pages.add(text.length() + 1);
                continue;
            }
            String text = node instanceof TableBlock table ? table(table) : RENDERER.render(node).strip();
            if (!text.isEmpty()) {
                writer.line(text, pages.page());
                writer.paragraphBreak();
                pages.add(text.length() + 2);
            }
        }
        context.checkPages(pages.pageCount(), "pages (approximated)");
        StructureSource structure = writer.headingCount() > 0 ? StructureSource.HEADINGS : StructureSource.PARAGRAPHS;
        return context.result(title, pages.pageCount(), structure, writer.blocks());
    }

    private static String table(TableBlock table) {
        List<String> rows = new ArrayList<>();
        collectRows(table, rows);
        return String.join("\n", rows);
    }

    private static void collectRows(Node parent, List<String> rows) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof TableRow row) {
                List<String> cells = new ArrayList<>();
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    if (cell instanceof TableCell) {
                        StringBuilder content = new StringBuilder();
                        for (Node part = cell.getFirstChild(); part != null; part = part.getNext()) {
                            content.append(RENDERER.render(part));
                        }
                        cells.add(Text.oneLine(content.toString()));
                    }
                }
                rows.add(String.join(" | ", cells));
            } else {
                collectRows(child, rows);
            }
        }
    }

    private static String unquote(String value) {
        String trimmed = value.strip();
        if (trimmed.length() >= 2 && (trimmed.startsWith("\"") && trimmed.endsWith("\"")
                || trimmed.startsWith("'") && trimmed.endsWith("'"))) {
            return trimmed.substring(1, trimmed.length() - 1);
        }
        return trimmed;
    }
}
