package io.vectorless.ingest.parse;

import io.vectorless.schema.parsed.ParsedDocument;
import io.vectorless.schema.parsed.StructureSource;
import io.vectorless.core.failure.PermanentFailure;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * HTML pages through jsoup (the character set from the byte-order mark or {@code <meta charset>}, else UTF-8):
 * the main content's headings and text, without navigation and boilerplate. Headings keep their {@code h}
 * level; a page that marks every heading {@code h1} and nests {@code section}s gets levels from the nesting.
 * jsoup reads no DTD, so entity-expansion bombs have nothing to expand; size is capped before parsing.
 */
final class HtmlReader {
    /** Parsed HTML takes several times its size in memory: beyond this a page is refused, not parsed. */
    static final long MAX_BYTES = 64L << 20;

    private record Heading(int level, String title, int sectionDepth) {
    }

    private final ParseContext context;

    HtmlReader(ParseContext context) {
        this.context = context;
    }

    ParsedDocument read(byte[] bytes) {
        checkSize(bytes.length, "the HTML file");
        Document document;
        try {
            document = Jsoup.parse(new ByteArrayInputStream(bytes), null, "");
        } catch (IOException e) {
            throw new PermanentFailure("the HTML file cannot be read: " + DocumentParser.describe(e), e);
        }
        String title = Text.oneLine(document.title());
        Element root = HtmlWalker.mainContent(document.body());
        List<Object> items = new ArrayList<>();
        HtmlWalker.walk(root, new HtmlWalker.Sink() {
            @Override
            public void heading(int level, String heading, int sectionDepth) {
                items.add(new Heading(level, heading, sectionDepth));
            }

            @Override
            public void text(String text) {
                items.add(text);
            }
        }, context.deadline);
        boolean bySections = items.stream().filter(Heading.class::isInstance).map(h -> ((Heading) h).level())
                .distinct().count() == 1
                && items.stream().anyMatch(h -> h instanceof Heading heading && heading.sectionDepth() > 0);
        BlockWriter writer = new BlockWriter();
        PageCounter pages = new PageCounter(context.limits.charsPerPage());
        for (Object item : items) {
            if (item instanceof Heading heading) {
                writer.heading(bySections ? heading.sectionDepth() + 1 : heading.level(), heading.title(),
                        pages.page());
                pages.add(heading.title().length() + 1);
            } else {
                String text = (String) item;
                writer.line(text, pages.page());
                writer.paragraphBreak();
                pages.add(text.length() + 2);
            }
        }
        context.checkPages(pages.pageCount(), "pages (approximated)");
        StructureSource structure = writer.headingCount() > 0 ? StructureSource.HEADINGS : StructureSource.PARAGRAPHS;
        return context.result(title.isEmpty() ? null : title, pages.pageCount(), structure, writer.blocks());
    }

    static void checkSize(long bytes, String what) {
        if (bytes > MAX_BYTES) {
            throw new PermanentFailure(what + " is " + (bytes >> 20) + " MB, more than the limit of "
                    + (MAX_BYTES >> 20) + " MB of markup per document");
        }
    }
}
