package io.vectorless.ingest.parse;

import io.vectorless.schema.parsed.ParsedDocument;
import io.vectorless.schema.parsed.StructureSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class TextParsingTest {
    private static final DocumentParser PARSER = new DocumentParser(ParseLimits.defaults());

    @AfterAll
    static void close() {
        PARSER.close();
    }

    private static ParsedDocument parse(String name, String content) {
        return PARSER.parse(content.getBytes(StandardCharsets.UTF_8), Blocks.file(name), ImageSink.DISCARD);
    }

    @Test
    void markdownHeadingsFrontMatterFencedCodeAndTables() {
        String markdown = """
                ---
                title: "Team Handbook"
                author: someone
                ---
                # Setup
                Install it.

                ```bash
                # not a heading
                ```

                Usage
                -----
                | Command | Effect |
                |---------|--------|
                | run     | starts |
                """;

        ParsedDocument parsed = parse("handbook.md", markdown);

        assertThat(parsed.format()).isEqualTo("markdown");
        assertThat(parsed.title()).isEqualTo("Team Handbook");
        assertThat(parsed.structureSource()).isEqualTo(StructureSource.HEADINGS);
        assertThat(Blocks.of(parsed)).containsExactly(
                "H1 Setup @1", "T @1 Install it.\n\n# not a heading",
                "H2 Usage @1", "T @1 Command | Effect\nrun | starts");
    }

    @Test
    void textThatMentionsThePdfHeaderIsStillText() {
        ParsedDocument parsed = parse("notes.md", "# PDF internals\nEvery file starts with %PDF-1.7 and a newline.");

        assertThat(parsed.format()).isEqualTo("markdown");
    }

    @Test
    void markdownIsRecognisedByContentTypeToo() {
        ParsedDocument parsed = PARSER.parse("# Only\ntext".getBytes(StandardCharsets.UTF_8),
                new SourceFile(1, 2, 1, "upload", "text/markdown"), ImageSink.DISCARD);

        assertThat(Blocks.of(parsed)).containsExactly("H1 Only @1", "T @1 text");
    }

    @Test
    void textHeadingsFromNumberingUnderlinesAndCapitals() {
        String text = """
                INTRODUCTION

                Some text here.

                1.1 Scope

                Scope text.

                Details
                =======
                More words.
                """;

        ParsedDocument parsed = parse("notes.txt", text);

        assertThat(parsed.format()).isEqualTo("text");
        assertThat(parsed.structureSource()).isEqualTo(StructureSource.HEADINGS);
        assertThat(Blocks.of(parsed)).containsExactly(
                "H1 INTRODUCTION @1", "T @1 Some text here.",
                "H2 1.1 Scope @1", "T @1 Scope text.",
                "H1 Details @1", "T @1 More words.");
    }

    @Test
    void numberedListItemsInTextAreNotHeadings() {
        String text = "Steps to follow:\n\n1. Install Java\n2. Run the build\n3. Start it\n";

        ParsedDocument parsed = parse("steps.txt", text);

        assertThat(parsed.structureSource()).isEqualTo(StructureSource.PARAGRAPHS);
    }

    @Test
    void textWithoutStructureIsKeptAsParagraphsOnApproximatedPages() {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 8; i++) {
            text.append("Paragraph ").append(i).append(' ').append("word ".repeat(200)).append("end.\n\n");
        }

        ParsedDocument parsed = parse("plain.txt", text.toString());

        assertThat(parsed.structureSource()).isEqualTo(StructureSource.PARAGRAPHS);
        assertThat(parsed.blocks()).noneMatch(block -> block.isHeading());
        assertThat(parsed.blocks()).extracting(block -> block.page()).containsExactly(1, 2, 3);
        assertThat(parsed.blocks().get(1).text()).startsWith("Paragraph 4 word").contains("\n\nParagraph 5 word");
        assertThat(parsed.pageCount()).isEqualTo(3);
    }

    @Test
    void textThatIsNotUtf8IsReadAsWindows1252() {
        byte[] latin = "CAF\u00c9 MENU\n\nCr\u00e8me br\u00fbl\u00e9e costs \u20ac5.\n".getBytes(Charset.forName("windows-1252"));

        ParsedDocument parsed = PARSER.parse(latin, Blocks.file("menu.txt"), ImageSink.DISCARD);

        assertThat(Blocks.of(parsed)).containsExactly("H1 CAF\u00c9 MENU @1", "T @1 Cr\u00e8me br\u00fbl\u00e9e costs \u20ac5.");
    }

    @Test
    void utf8ByteOrderMarkIsNotPartOfTheText() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "# T\u00edtulo\nhola".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(body, 0, all, 3, body.length);

        ParsedDocument parsed = PARSER.parse(all, Blocks.file("x.md"), ImageSink.DISCARD);

        assertThat(Blocks.of(parsed)).containsExactly("H1 T\u00edtulo @1", "T @1 hola");
    }
}
