package io.vectorless.ingest.parse;

import io.vectorless.schema.parsed.ParsedDocument;
import io.vectorless.schema.parsed.StructureReport;
import io.vectorless.schema.parsed.StructureSource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How the PDF's sources of structure are read and combined: outline, printed contents, layout. */
class PdfStructureTest {
    private static final DocumentParser PARSER = new DocumentParser(ParseLimits.defaults());

    @AfterAll
    static void close() {
        PARSER.close();
    }

    private static ParsedDocument parse(byte[] pdf) {
        return PARSER.parse(pdf, Blocks.file("structure.pdf"), ImageSink.DISCARD);
    }

    private static List<String> headings(ParsedDocument parsed) {
        return Blocks.of(parsed).stream().filter(line -> line.startsWith("H")).toList();
    }

    @Test
    void cyclicOutlineFallsBackToThePageLayoutWithAWarning() throws IOException {
        Pdf pdf = new Pdf();
        for (int i = 1; i <= 3; i++) {
            pdf.page().line(72, 18, true, "Chapter " + i + " Findings").line(72, 11, false, "Body text " + i + ".")
                    .bookmark(1, "Chapter " + i + " Findings");
        }
        byte[] cyclic;
        try (PDDocument document = Loader.loadPDF(pdf.bytes())) {
            PDOutlineItem first = document.getDocumentCatalog().getDocumentOutline().getFirstChild();
            PDOutlineItem second = first.getNextSibling();
            // the second bookmark claims the first as its child: walking the outline would never end
            second.getCOSObject().setItem(COSName.FIRST, first.getCOSObject());
            second.getCOSObject().setItem(COSName.LAST, first.getCOSObject());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            cyclic = out.toByteArray();
        }

        ParsedDocument parsed = parse(cyclic);

        assertThat(parsed.structureSource()).isEqualTo(StructureSource.LAYOUT);
        assertThat(headings(parsed)).containsExactly("H1 Chapter 1 Findings @1", "H1 Chapter 2 Findings @2",
                "H1 Chapter 3 Findings @3");
        assertThat(parsed.warnings()).anyMatch(w -> w.contains("bookmarks loop back on themselves"));
    }

    @Test
    void printedContentsWithPageNumbersInTheirOwnColumnAndRomanFrontMatterArePlacedEntryByEntry() {
        Pdf pdf = new Pdf();
        pdf.page().line(72, 16, true, "Contents")
                .line(72, 11, false, "Preface").column(500, "iii")
                .line(72, 11, true, "1 Getting Started").column(500, "1")
                .line(90, 11, false, "1.1 Installing the Tools").column(500, "2")
                .line(90, 11, false, "1.2 A First Program that Runs on").continued(90, "Every Machine").column(500, "3")
                .line(72, 11, true, "2 Working with Data").column(500, "5")
                .line(90, 11, false, "2.1 Reading Files").column(500, "6");
        pdf.page().line(72, 16, true, "Preface").line(72, 11, false, "Why this book exists.");
        // printed page 1 is physical page 3; an unnumbered plate after page 3 shifts what follows by one
        pdf.page().line(72, 16, true, "1 Getting Started").line(72, 11, false, "Chapter one text.");
        pdf.page().line(72, 13, true, "1.1 Installing the Tools").line(72, 11, false, "Install things.");
        pdf.page().line(72, 13, true, "1.2 A First Program that Runs on Every Machine").line(72, 11, false, "Hi.");
        pdf.page().line(72, 11, false, "A full-page plate with a caption only.");
        pdf.page().line(72, 11, false, "More of section 1.2.");
        pdf.page().line(72, 16, true, "2 Working with Data").line(72, 11, false, "Chapter two text.");
        pdf.page().line(72, 13, true, "2.1 Reading Files").line(72, 11, false, "Read them.");

        ParsedDocument parsed = parse(pdf.bytesWithoutOutline());

        assertThat(parsed.structureSource()).isEqualTo(StructureSource.TOC);
        assertThat(headings(parsed)).containsExactly("H1 Preface @2", "H1 1 Getting Started @3",
                "H2 1.1 Installing the Tools @4", "H2 1.2 A First Program that Runs on Every Machine @5",
                "H1 2 Working with Data @8", "H2 2.1 Reading Files @9");
        assertThat(parsed.structure().primary()).isEqualTo("contents");
        assertThat(parsed.structure().agreement()).isEqualTo(1.0);
    }

    @Test
    void formItemTableGivesPartsAndItemsAsNestedHeadings() {
        Pdf pdf = new Pdf();
        pdf.page().line(260, 13, true, "INDEX").line(500, 11, true, "Page")
                .line(72, 11, true, "PART I")
                .line(72, 11, false, "Item 1. Business").column(540, "2")
                .line(72, 11, false, "Item 1A. Risk Factors").column(540, "3")
                .line(72, 11, true, "PART II")
                .line(72, 11, false, "Item 7. Management's Discussion and Analysis of Financial Condition")
                .continued(90, "and Results of Operations").column(540, "4")
                .line(72, 11, false, "Item 7A. Quantitative and Qualitative Disclosures about Market Risk")
                .column(540, "5")
                .line(72, 11, false, "Item 8. Financial Statements and Supplementary Data").column(540, "6");
        pdf.page().line(260, 11, true, "PART I").line(250, 11, true, "ITEM 1. BUSINESS")
                .line(72, 11, false, "We make widgets.");
        pdf.page().line(250, 11, true, "ITEM 1A. RISK FACTORS").line(72, 11, false, "Widgets may fail.");
        pdf.page().line(260, 11, true, "PART II")
                .line(150, 11, true, "ITEM 7. MANAGEMENT'S DISCUSSION AND ANALYSIS OF FINANCIAL CONDITION AND")
                .line(200, 11, true, "RESULTS OF OPERATIONS").line(72, 11, false, "Sales grew.");
        pdf.page().line(150, 11, true, "ITEM 7A. QUANTITATIVE AND QUALITATIVE DISCLOSURES ABOUT MARKET RISK")
                .line(72, 11, false, "Rates may rise.");
        pdf.page().line(150, 11, true, "ITEM 8. FINANCIAL STATEMENTS AND SUPPLEMENTARY DATA")
                .line(72, 11, false, "Balance sheets follow.");

        ParsedDocument parsed = parse(pdf.bytesWithoutOutline());

        assertThat(parsed.structureSource()).isEqualTo(StructureSource.TOC);
        assertThat(headings(parsed)).containsExactly("H1 PART I @2", "H2 Item 1. Business @2",
                "H2 Item 1A. Risk Factors @3", "H1 PART II @4",
                "H2 Item 7. Management's Discussion and Analysis of Financial Condition and Results of Operations @4",
                "H2 Item 7A. Quantitative and Qualitative Disclosures about Market Risk @5",
                "H2 Item 8. Financial Statements and Supplementary Data @6");
        // the text of a section starts at its printed heading, which is not repeated in the text
        assertThat(Blocks.of(parsed)).containsSubsequence("H2 Item 1A. Risk Factors @3", "T @3 Widgets may fail.");
    }

    @Test
    void chapterOnlyBookmarksAreDeepenedWithTheSectionsOfThePrintedContents() {
        Pdf pdf = new Pdf();
        alphaBetaContents(pdf.page());
        for (int printed = 1; printed <= 16; printed++) {
            Pdf.Page page = pdf.page();
            switch (printed) {
                case 1 -> page.line(72, 16, true, "1 Alpha").bookmark(1, "1 Alpha");
                case 3 -> page.line(72, 13, true, "1.1 Alpha One");
                case 6 -> page.line(72, 13, true, "1.2 Alpha Two");
                case 9 -> page.line(72, 16, true, "2 Beta").bookmark(1, "2 Beta");
                case 11 -> page.line(72, 13, true, "2.1 Beta One");
                case 14 -> page.line(72, 13, true, "2.2 Beta Two");
                default -> {
                }
            }
            page.line(72, 11, false, "Text of printed page " + printed + ".");
        }

        ParsedDocument parsed = parse(pdf.bytes());

        assertThat(parsed.structureSource()).isEqualTo(StructureSource.OUTLINE);
        assertThat(headings(parsed)).containsExactly("H1 1 Alpha @2", "H2 1.1 Alpha One @4", "H2 1.2 Alpha Two @7",
                "H1 2 Beta @10", "H2 2.1 Beta One @12", "H2 2.2 Beta Two @15");
        StructureReport report = parsed.structure();
        assertThat(report.sources()).containsEntry("outline", 2).containsEntry("contents", 6);
        assertThat(report.notes()).anyMatch(note -> note.contains("deepened with 4"));
        assertThat(report.confidence()).isEqualTo(StructureReport.HIGH);
    }

    @Test
    void flatBookmarksAreDeepenedWithTheSubSectionsNumberedInSequenceInsideThem() {
        Pdf pdf = new Pdf();
        pdf.page().line(72, 11, true, "1 Introduction").bookmark(1, "1 Introduction")
                .line(72, 11, false, "Opening words of the paper.")
                .line(72, 11, false, "1.1 Scope of the Study")
                .line(72, 11, false, "What is covered here and what is not.");
        pdf.page().line(72, 11, true, "2 Method").bookmark(1, "2 Method")
                .line(72, 11, false, "2.1 Data Collection")
                .line(72, 11, false, "Where the samples came from.")
                // a figure in the text that happens to start a line is no sub-section: 2.4 does not follow 2.1
                .line(72, 11, false, "2.4 Times Faster")
                .line(72, 11, false, "2.2 Training")
                .line(72, 11, false, "How the model was fitted.");
        pdf.page().line(72, 11, true, "3 Results").bookmark(1, "3 Results")
                .line(72, 11, false, "The findings, with no sub-sections.");

        ParsedDocument parsed = parse(pdf.bytes());

        assertThat(parsed.structureSource()).isEqualTo(StructureSource.OUTLINE);
        assertThat(headings(parsed)).containsExactly("H1 1 Introduction @1", "H2 1.1 Scope of the Study @1",
                "H1 2 Method @2", "H2 2.1 Data Collection @2", "H2 2.2 Training @2", "H1 3 Results @3");
        assertThat(parsed.structure().notes()).anyMatch(note -> note.contains("numbered sub-sections"));
    }

    @Test
    void flatBookmarksStayAsTheyAreWhenOnlyOneSectionHasNumberedLinesInside() {
        Pdf pdf = new Pdf();
        pdf.page().line(72, 11, true, "1 Introduction").bookmark(1, "1 Introduction")
                .line(72, 11, false, "Opening words of the paper.");
        pdf.page().line(72, 11, true, "2 Method").bookmark(1, "2 Method")
                .line(72, 11, false, "2.1 Data Collection")
                .line(72, 11, false, "Where the samples came from.");
        pdf.page().line(72, 11, true, "3 Results").bookmark(1, "3 Results")
                .line(72, 11, false, "The findings.");

        ParsedDocument parsed = parse(pdf.bytes());

        assertThat(headings(parsed)).containsExactly("H1 1 Introduction @1", "H1 2 Method @2", "H1 3 Results @3");
    }

    @Test
    void bookmarksLackingPrintedContentsEntriesFoundInPlaceGiveWayToTheContents() {
        Pdf pdf = new Pdf();
        pdf.page().line(72, 16, true, "Risk Guide").line(72, 11, false, "September 2012")
                .bookmark(1, "September 2012").bookmark(2, "Department of Commerce").bookmark(2, "Standards Office");
        alphaBetaContents(pdf.page())
                .line(72, 11, true, "3 Gamma").column(500, "15")
                .line(90, 11, false, "3.1 Gamma One").column(500, "16");
        for (int printed = 1; printed <= 16; printed++) {
            Pdf.Page page = pdf.page();
            switch (printed) {
                case 1 -> page.line(72, 16, true, "1 Alpha").bookmark(1, "alpha");
                case 3 -> page.line(72, 13, true, "1.1 Alpha One");
                case 6 -> page.line(72, 13, true, "1.2 Alpha Two").bookmark(2, "1.2 alpha two");
                case 9 -> page.line(72, 16, true, "2 Beta").bookmark(1, "2 Beta");
                case 11 -> page.line(72, 13, true, "2.1 Beta One");
                case 14 -> page.line(72, 13, true, "2.2 Beta Two").bookmark(2, "2.2 Beta Two");
                case 15 -> page.line(72, 16, true, "3 Gamma").bookmark(1, "3 Gamma");
                case 16 -> page.line(72, 13, true, "3.1 Gamma One");
                default -> {
                }
            }
            page.line(72, 11, false, "Text of printed page " + printed + ".");
        }

        ParsedDocument parsed = parse(pdf.bytes());

        assertThat(headings(parsed)).containsExactly("H1 1 Alpha @3", "H2 1.1 Alpha One @5", "H2 1.2 Alpha Two @8",
                "H1 2 Beta @11", "H2 2.1 Beta One @13", "H2 2.2 Beta Two @16", "H1 3 Gamma @17",
                "H2 3.1 Gamma One @18");
        assertThat(parsed.structure().notes()).anyMatch(note -> note.contains("the printed contents were followed"));
    }

    @Test
    void bookmarksMarkingParagraphsAreSetAsideForTheHeadingsOnThePages() {
        // a regulation exported with every numbered paragraph bookmarked: sentences, not sections
        Pdf pdf = new Pdf();
        for (int i = 1; i <= 4; i++) {
            Pdf.Page page = pdf.page().line(72, 18, true, "Chapter " + i + " Findings");
            for (int j = 1; j <= 3; j++) {
                String paragraph = j + ". This Regulation lays down rules relating to the protection of persons in"
                        + " part " + i + " and the free movement of their data.";
                page.line(72, 11, false, paragraph).bookmark(1, paragraph);
            }
        }

        ParsedDocument parsed = parse(pdf.bytes());

        assertThat(parsed.structureSource()).isEqualTo(StructureSource.LAYOUT);
        assertThat(headings(parsed)).containsExactly("H1 Chapter 1 Findings @1", "H1 Chapter 2 Findings @2",
                "H1 Chapter 3 Findings @3", "H1 Chapter 4 Findings @4");
        assertThat(parsed.warnings()).anyMatch(w -> w.contains("bookmarks mark paragraphs or file names"));
    }

    @Test
    void bookmarksNamingTheFilesThePagesCameFromAreNoSections() {
        List<PdfOutline.Entry> files = new ArrayList<>();
        List<PdfOutline.Entry> chapters = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            files.add(new PdfOutline.Entry(1, String.format("OPMG-002_APR_Part%02d", i), i, 0));
            chapters.add(new PdfOutline.Entry(1, "Chapter " + i + " Results of 2013", i, 0));
        }

        assertThat(PdfStructure.notSections(files)).isTrue();
        assertThat(PdfStructure.notSections(chapters)).isFalse();
    }

    @Test
    void shortChaptersAreDeepenedTooWhenThePrintedContentsAreFoundInPlace() {
        // a strategic plan: three bookmarked goals of two pages each, its contents listing every objective
        Pdf pdf = new Pdf();
        Pdf.Page contents = pdf.page().line(72, 16, true, "Contents");
        String[] entries = {"1 Alpha", "1.1 Alpha One", "1.2 Alpha Two", "2 Beta", "2.1 Beta One", "2.2 Beta Two",
                "3 Gamma", "3.1 Gamma One", "3.2 Gamma Two"};
        for (int i = 0; i < entries.length; i++) {
            contents.line(72, 11, false, entries[i]).column(500, String.valueOf(1 + i / 3 * 2 + i % 3 / 2));
        }
        for (int goal = 0; goal < 3; goal++) {
            String[] names = {"Alpha", "Beta", "Gamma"};
            String top = (goal + 1) + " " + names[goal];
            pdf.page().line(72, 16, true, top).bookmark(1, top)
                    .line(72, 13, true, (goal + 1) + ".1 " + names[goal] + " One").line(72, 11, false, "Text.");
            pdf.page().line(72, 13, true, (goal + 1) + ".2 " + names[goal] + " Two").line(72, 11, false, "Text.");
        }

        ParsedDocument parsed = parse(pdf.bytes());

        assertThat(headings(parsed)).containsExactly("H1 1 Alpha @2", "H2 1.1 Alpha One @2", "H2 1.2 Alpha Two @3",
                "H1 2 Beta @4", "H2 2.1 Beta One @4", "H2 2.2 Beta Two @5", "H1 3 Gamma @6", "H2 3.1 Gamma One @6",
                "H2 3.2 Gamma Two @7");
    }

    @Test
    void pagesWithoutAnyHeadingAreReportedWithLowConfidence() {
        Pdf pdf = new Pdf();
        pdf.page().line(72, 11, false, "just text on the first page");
        pdf.page().line(72, 11, false, "and more text on the second page");

        StructureReport report = parse(pdf.bytesWithoutOutline()).structure();

        assertThat(report.primary()).isEqualTo("pages");
        assertThat(report.headings()).isZero();
        assertThat(report.coverage()).isZero();
        assertThat(report.confidence()).isEqualTo(StructureReport.LOW);
    }

    @Test
    void romanNumeralsReadBothWays() {
        assertThat(Roman.value("xiv")).isEqualTo(14);
        assertThat(Roman.value("MCMXC")).isEqualTo(1990);
        assertThat(Roman.value("abc")).isEqualTo(-1);
    }

    /** A small PDF writer with free x positions, for contents pages laid out in columns. */
    /** A printed contents page: chapters 1 Alpha and 2 Beta with two numbered sections each. */
    private static Pdf.Page alphaBetaContents(Pdf.Page page) {
        return page.line(72, 16, true, "Contents")
                .line(72, 11, true, "1 Alpha").column(500, "1")
                .line(90, 11, false, "1.1 Alpha One").column(500, "3")
                .line(90, 11, false, "1.2 Alpha Two").column(500, "6")
                .line(72, 11, true, "2 Beta").column(500, "9")
                .line(90, 11, false, "2.1 Beta One").column(500, "11")
                .line(90, 11, false, "2.2 Beta Two").column(500, "14");
    }

    static final class Pdf {
        private record Text(float x, float size, boolean bold, String text, boolean sameRow) {
        }

        private record Mark(int level, String title) {
        }

        static final class Page {
            private final List<Text> texts = new ArrayList<>();
            private final List<Mark> marks = new ArrayList<>();

            Page line(float x, float size, boolean bold, String text) {
                texts.add(new Text(x, size, bold, text, false));
                return this;
            }

            /** A page number set in its own column on the row of the line before. */
            Page column(float x, String text) {
                Text last = texts.get(texts.size() - 1);
                texts.add(new Text(x, last.size(), false, text, true));
                return this;
            }

            /** The rest of a title that wraps onto the next line. */
            Page continued(float x, String text) {
                Text last = texts.get(texts.size() - 1);
                texts.add(new Text(x, last.size(), false, text, false));
                return this;
            }

            Page bookmark(int level, String title) {
                marks.add(new Mark(level, title));
                return this;
            }
        }

        private final List<Page> pages = new ArrayList<>();

        Page page() {
            Page page = new Page();
            pages.add(page);
            return page;
        }

        byte[] bytes() {
            return build(true);
        }

        byte[] bytesWithoutOutline() {
            return build(false);
        }

        private byte[] build(boolean outline) {
            try (PDDocument document = new PDDocument()) {
                PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
                PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.TIMES_BOLD);
                PDDocumentOutline root = new PDDocumentOutline();
                for (Page spec : pages) {
                    PDPage page = new PDPage(PDRectangle.LETTER);
                    document.addPage(page);
                    try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                        float y = 720;
                        for (Text text : spec.texts) {
                            if (!text.sameRow()) {
                                y -= text.size() * 1.8f;
                            }
                            // a column's number sits a little off its title's baseline, as real layouts set them
                            float baseline = text.sameRow() ? y - 2 : y;
                            content.beginText();
                            content.setFont(text.bold() ? bold : regular, text.size());
                            content.newLineAtOffset(text.x(), baseline);
                            content.showText(text.text());
                            content.endText();
                        }
                    }
                    for (Mark mark : spec.marks) {
                        PDOutlineItem item = new PDOutlineItem();
                        item.setTitle(mark.title());
                        PDPageFitDestination destination = new PDPageFitDestination();
                        destination.setPage(page);
                        item.setDestination(destination);
                        root.addLast(item);
                    }
                }
                if (outline && root.hasChildren()) {
                    document.getDocumentCatalog().setDocumentOutline(root);
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                document.save(out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
