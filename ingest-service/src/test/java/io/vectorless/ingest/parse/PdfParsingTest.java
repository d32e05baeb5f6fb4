package io.vectorless.ingest.parse;

import io.vectorless.schema.parsed.ParsedDocument;
import io.vectorless.schema.parsed.StructureSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static io.vectorless.ingest.parse.PdfFixture.body;
import static io.vectorless.ingest.parse.PdfFixture.heading;
import static org.assertj.core.api.Assertions.assertThat;

class PdfParsingTest {
    private static final DocumentParser PARSER = new DocumentParser(ParseLimits.defaults());

    private static final List<String> REPORT_TREE = List.of(
            "H1 Introduction @1",
            "T @1 This report explains the widget pipeline.\nIt has an example of hyphenation.",
            "T @2 Continued introduction text on page two.",
            "H2 Background @2",
            "T @2 Background starts in the middle of the page.",
            "H1 Methods @3",
            "T @3 We measured things.",
            "H2 Sampling @3",
            "T @3 Samples were random.");

    @AfterAll
    static void close() {
        PARSER.close();
    }

    private static PdfFixture report() {
        return new PdfFixture()
                .runningHeader("ACME Widget Report 2026")
                .runningFooter("Page %d")
                .page(heading(1, "Introduction"), body("This report explains the widget pipeline."),
                        body("It has an exam-"), body("ple of hyphenation."))
                .page(body("Continued introduction text on page two."), heading(2, "Background"),
                        body("Background starts in the middle of the page."))
                .page(heading(1, "Methods"), body("We measured things."), heading(2, "Sampling"),
                        body("Samples were random."));
    }

    private static ParsedDocument parse(byte[] pdf) {
        return PARSER.parse(pdf, Blocks.file("report.pdf"), new Blocks.MemorySink());
    }

    @Test
    void outlineGivesHeadingsWithNestingPagesAndTextStartingAtTheHeading() {
        ParsedDocument parsed = parse(report().withOutline());

        assertThat(parsed.structureSource()).isEqualTo(StructureSource.OUTLINE);
        assertThat(parsed.format()).isEqualTo("pdf");
        assertThat(parsed.pageCount()).isEqualTo(3);
        assertThat(Blocks.of(parsed)).containsExactlyElementsOf(REPORT_TREE);
    }

    @ParameterizedTest
    @EnumSource(PdfFixture.Links.class)
    void bookmarksResolveWhicheverWayTheyPointAtTheirPage(PdfFixture.Links links) {
        ParsedDocument parsed = parse(report().links(links).withOutline());

        assertThat(parsed.structureSource()).isEqualTo(StructureSource.OUTLINE);
        assertThat(Blocks.of(parsed)).containsExactlyElementsOf(REPORT_TREE);
    }

    @Test
    void bookmarkWhoseTitleIsNotPrintedStartsWhereItsPositionPoints() {
        byte[] pdf = new PdfFixture()
                .page(heading(1, "Summary"), body("First part of the page."), PdfFixture.bookmarkOnly(2, "Details"),
                        body("Second part of the page."))
                .withOutline();

        assertThat(Blocks.of(parse(pdf))).containsExactly(
                "H1 Summary @1", "T @1 First part of the page.",
                "H2 Details @1", "T @1 Second part of the page.");
    }

    @Test
    void withoutOutlineHeadingsComeFromFontSizeAndWeight() {
        ParsedDocument parsed = parse(report().withoutOutline());

        assertThat(parsed.structureSource()).isEqualTo(StructureSource.LAYOUT);
        assertThat(Blocks.of(parsed)).containsExactlyElementsOf(REPORT_TREE);
    }

    @Test
    void numberingDecidesTheLevelOfLayoutHeadings() {
        PdfFixture.Line plainNumbered = new PdfFixture.Line("2.3.1 Calibration Steps", 11, true, 0);
        byte[] pdf = new PdfFixture()
                .page(new PdfFixture.Line("Chapter 2 Setup", 16, true, 0), body("Setup is short."),
                        new PdfFixture.Line("2.3 Sensors", 13, true, 0), body("Sensors need care."),
                        plainNumbered, body("Calibrate twice."))
                .withoutOutline();

        assertThat(Blocks.of(parse(pdf))).containsExactly(
                "H1 Chapter 2 Setup @1", "T @1 Setup is short.",
                "H2 2.3 Sensors @1", "T @1 Sensors need care.",
                "H3 2.3.1 Calibration Steps @1", "T @1 Calibrate twice.");
    }

    @Test
    void printedContentsPageMapsPrintedPagesToPhysicalOnes() {
        byte[] pdf = new PdfFixture()
                .page(body("Contents"), body("Introduction .......... 1"), body("Methods .......... 2"),
                        body("Results .......... 3"))
                .page(body("Introduction"), body("Why we did this."))
                .page(body("Methods"), body("How we did it."))
                .page(body("Results"), body("What came out."))
                .withoutOutline();

        ParsedDocument parsed = parse(pdf);

        assertThat(parsed.structureSource()).isEqualTo(StructureSource.TOC);
        assertThat(Blocks.of(parsed)).containsExactly(
                "T @1 Contents\nIntroduction .......... 1\nMethods .......... 2\nResults .......... 3",
                "H1 Introduction @2", "T @2 Why we did this.",
                "H1 Methods @3", "T @3 How we did it.",
                "H1 Results @4", "T @4 What came out.");
    }

    @Test
    void pagesWithoutAnyHeadingBecomeOneSectionPerPage() {
        byte[] pdf = new PdfFixture()
                .page(body("just some text on the first page"))
                .page(body("and more text on the second page"))
                .withoutOutline();

        ParsedDocument parsed = parse(pdf);

        assertThat(parsed.structureSource()).isEqualTo(StructureSource.PAGES);
        assertThat(Blocks.of(parsed)).containsExactly(
                "T @1 just some text on the first page", "T @2 and more text on the second page");
    }

    @Test
    void twoColumnPageIsReadColumnByColumn() {
        List<PdfFixture.Line> left = List.of(body("left one"), body("left two"), body("left three"),
                body("left four"), body("left five"));
        List<PdfFixture.Line> right = List.of(body("right one"), body("right two"), body("right three"),
                body("right four"), body("right five"));
        byte[] pdf = new PdfFixture().twoColumnPage(left, right).withoutOutline();

        assertThat(Blocks.of(parse(pdf))).containsExactly(
                "T @1 left one\nleft two\nleft three\nleft four\nleft five\n\n"
                        + "right one\nright two\nright three\nright four\nright five");
    }

    @Test
    void pageWithPictureGetsAStoredPngAttached() {
        Blocks.MemorySink sink = new Blocks.MemorySink();
        byte[] pdf = new PdfFixture()
                .page(heading(1, "Text only"), body("Nothing to see."))
                .pageWithPicture(heading(1, "Figure"), body("A blue oval follows."))
                .withOutline();

        ParsedDocument parsed = PARSER.parse(pdf, Blocks.file("figure.pdf"), sink);

        assertThat(parsed.images()).singleElement().satisfies(image -> {
            assertThat(image.page()).isEqualTo(2);
            assertThat(image.mediaType()).isEqualTo("image/png");
            assertThat(image.caption()).isEqualTo("Page 2 visual content");
            assertThat(sink.stored).containsKey(image.objectKey());
            assertThat(image.bytes()).isEqualTo(sink.stored.get(image.objectKey()).length);
        });
        assertThat(sink.stored.values().iterator().next()).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void imagesPerDocumentAreBounded() {
        PdfFixture fixture = new PdfFixture();
        for (int i = 1; i <= 4; i++) {
            fixture.pageWithPicture(heading(1, "Figure " + i), body("text " + i));
        }
        DocumentParser limited = new DocumentParser(ParseLimits.defaults().withMaxImages(2));

        ParsedDocument parsed = limited.parse(fixture.withOutline(), Blocks.file("f.pdf"), new Blocks.MemorySink());

        assertThat(parsed.images()).extracting(image -> image.page()).containsExactly(1, 2);
        assertThat(parsed.warnings()).anyMatch(warning -> warning.contains("only the first 2"));
        limited.close();
    }

    @Test
    void pdfEncryptedWithAnEmptyUserPasswordOpens() {
        byte[] pdf = report().passwords("owner-secret", "").withOutline();

        assertThat(Blocks.of(parse(pdf))).containsExactlyElementsOf(REPORT_TREE);
    }

    @Test
    void fileNameStoredAsTitleIsNotTakenForTheTitle() {
        ParsedDocument parsed = parse(report().title("Microsoft Word - draft3.docx").withOutline());
        assertThat(String.valueOf(parsed.title())).doesNotContain("draft3");
    }

    @Test
    void documentInformationTitleBecomesTheTitle() {
        assertThat(parse(report().title("Widget Report").withOutline()).title()).isEqualTo("Widget Report");
    }
}
