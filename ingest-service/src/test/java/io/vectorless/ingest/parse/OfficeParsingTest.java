package io.vectorless.ingest.parse;

import io.vectorless.schema.parsed.ParsedDocument;
import io.vectorless.schema.parsed.StructureSource;
import org.apache.poi.sl.usermodel.PictureData;
import org.apache.poi.sl.usermodel.Placeholder;
import org.apache.poi.util.Units;
import org.apache.poi.xslf.usermodel.SlideLayout;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFNotes;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFSlideLayout;
import org.apache.poi.xslf.usermodel.XSLFTable;
import org.apache.poi.xslf.usermodel.XSLFTableRow;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.presentationml.x2006.main.CTSlideIdListEntry;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class OfficeParsingTest {
    private static final DocumentParser PARSER = new DocumentParser(ParseLimits.defaults());

    @AfterAll
    static void close() {
        PARSER.close();
    }

    static byte[] png() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(PdfFixture.picture(), "png", out);
        return out.toByteArray();
    }

    static byte[] docx() throws Exception {
        try (XWPFDocument document = new XWPFDocument()) {
            XWPFStyles styles = document.createStyles();
            CTStyle chapter = CTStyle.Factory.newInstance();
            chapter.setStyleId("MyChapter");
            chapter.setType(STStyleType.PARAGRAPH);
            chapter.addNewName().setVal("My Chapter");
            chapter.addNewPPr().addNewOutlineLvl().setVal(BigInteger.ZERO);
            styles.addStyle(new XWPFStyle(chapter));

            paragraph(document, "Title", "Quarterly Plan");
            paragraph(document, "Heading1", "Goals");
            paragraph(document, null, "We want growth.");
            XWPFParagraph hiring = paragraph(document, null, "Hiring");
            hiring.getCTP().addNewPPr().addNewOutlineLvl().setVal(BigInteger.ONE);
            XWPFTable table = document.createTable(2, 2);
            table.getRow(0).getCell(0).setText("Role");
            table.getRow(0).getCell(1).setText("Count");
            table.getRow(1).getCell(0).setText("Engineer");
            table.getRow(1).getCell(1).setText("3");
            document.createParagraph().createRun().addBreak(BreakType.PAGE);
            paragraph(document, "MyChapter", "Budget");
            XWPFParagraph numbers = paragraph(document, null, "Numbers follow.");
            numbers.createRun().addPicture(new ByteArrayInputStream(png()), Document.PICTURE_TYPE_PNG, "chart.png",
                    Units.toEMU(200), Units.toEMU(150));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.write(out);
            return out.toByteArray();
        }
    }

    private static XWPFParagraph paragraph(XWPFDocument document, String style, String text) {
        XWPFParagraph paragraph = document.createParagraph();
        if (style != null) {
            paragraph.setStyle(style);
        }
        paragraph.createRun().setText(text);
        return paragraph;
    }

    @Test
    void docxHeadingStylesOutlineLevelsTablesPageBreaksAndPictures() throws Exception {
        Blocks.MemorySink sink = new Blocks.MemorySink();
        ParsedDocument parsed = PARSER.parse(docx(), Blocks.file("plan.docx"), sink);

        assertThat(parsed.format()).isEqualTo("docx");
        assertThat(parsed.title()).isEqualTo("Quarterly Plan");
        assertThat(parsed.structureSource()).isEqualTo(StructureSource.HEADINGS);
        assertThat(Blocks.of(parsed)).containsExactly(
                "H1 Goals @1", "T @1 We want growth.",
                "H2 Hiring @1", "T @1 Role | Count\nEngineer | 3",
                "H1 Budget @2", "T @2 Numbers follow.");
        assertThat(parsed.pageCount()).isEqualTo(2);
        assertThat(parsed.images()).singleElement().satisfies(image -> {
            assertThat(image.page()).isEqualTo(2);
            assertThat(sink.stored).containsKey(image.objectKey());
        });
    }

    @Test
    void docxHeadingsKeepTheirDecimalListNumbering() throws Exception {
        try (XWPFDocument document = new XWPFDocument()) {
            XWPFNumbering numbering = document.createNumbering();
            CTAbstractNum abstractNum = CTAbstractNum.Factory.newInstance();
            abstractNum.setAbstractNumId(BigInteger.ZERO);
            String[] patterns = {"%1.", "%1.%2"};
            for (int level = 0; level < patterns.length; level++) {
                CTLvl lvl = abstractNum.addNewLvl();
                lvl.setIlvl(BigInteger.valueOf(level));
                lvl.addNewStart().setVal(BigInteger.ONE);
                lvl.addNewNumFmt().setVal(STNumberFormat.DECIMAL);
                lvl.addNewLvlText().setVal(patterns[level]);
            }
            BigInteger numId = numbering.addNum(numbering.addAbstractNum(new XWPFAbstractNum(abstractNum)));
            String[][] headings = {{"Heading1", "Scope", "0"}, {"Heading2", "Terms", "1"}, {"Heading1", "Usage", "0"}};
            for (String[] heading : headings) {
                XWPFParagraph paragraph = paragraph(document, heading[0], heading[1]);
                paragraph.setNumID(numId);
                paragraph.setNumILvl(new BigInteger(heading[2]));
                paragraph(document, null, heading[1] + " text.");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.write(out);

            ParsedDocument parsed = PARSER.parse(out.toByteArray(), Blocks.file("spec.docx"), ImageSink.DISCARD);

            assertThat(parsed.blocks()).filteredOn(block -> block.isHeading()).extracting(block -> block.text())
                    .containsExactly("1. Scope", "1.1 Terms", "2. Usage");
        }
    }

    @Test
    void docxPagesAreApproximatedByCharacters() throws Exception {
        try (XWPFDocument document = new XWPFDocument()) {
            paragraph(document, "Heading1", "Long");
            for (int i = 0; i < 10; i++) {
                paragraph(document, null, "x".repeat(999));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.write(out);
            ParsedDocument parsed = PARSER.parse(out.toByteArray(), Blocks.file("long.docx"), ImageSink.DISCARD);

            assertThat(parsed.pageCount()).isEqualTo(4);
            assertThat(parsed.blocks()).filteredOn(block -> !block.isHeading())
                    .extracting(block -> block.page()).containsExactly(1, 2, 3, 4);
        }
    }

    static byte[] pptx(boolean withSections) throws Exception {
        try (XMLSlideShow deck = new XMLSlideShow()) {
            XSLFSlideLayout titled = deck.getSlideMasters().get(0).getLayout(SlideLayout.TITLE_AND_CONTENT);
            XSLFSlide first = deck.createSlide(titled);
            first.getPlaceholder(0).setText("Welcome");
            first.getPlaceholder(1).setText("Body text");
            XSLFNotes notes = deck.getNotesSlide(first);
            for (XSLFShape shape : notes.getShapes()) {
                if (shape instanceof XSLFTextShape text && text.getTextType() == Placeholder.BODY) {
                    text.setText("Say hello");
                }
            }
            XSLFSlide second = deck.createSlide();
            XSLFTable table = second.createTable();
            for (String[] cells : new String[][]{{"A", "B"}, {"1", "2"}}) {
                XSLFTableRow row = table.addRow();
                for (String cell : cells) {
                    row.addCell().setText(cell);
                }
            }
            XSLFSlide third = deck.createSlide(titled);
            third.getPlaceholder(0).setText("Chart");
            third.getPlaceholder(1).setText("See the picture");
            third.createPicture(deck.addPicture(png(), PictureData.PictureType.PNG));
            List<CTSlideIdListEntry> ids = deck.getCTPresentation().getSldIdLst().getSldIdList();
            long[] slideIds = ids.stream().mapToLong(CTSlideIdListEntry::getId).toArray();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            deck.write(out);
            return withSections ? addSections(out.toByteArray(), slideIds) : out.toByteArray();
        }
    }

    /** POI cannot write PowerPoint sections, so they are added to presentation.xml afterwards. */
    private static byte[] addSections(byte[] pptx, long[] slideIds) throws IOException {
        String sections = "<p:extLst><p:ext uri=\"{521415D9-36F7-43E2-AB2F-B90AF26B5E84}\">"
                + "<p14:sectionLst xmlns:p14=\"http://schemas.microsoft.com/office/powerpoint/2010/main\">"
                + "<p14:section name=\"Intro\" id=\"{11111111-1111-1111-1111-111111111111}\"><p14:sldIdLst>"
                + "<p14:sldId id=\"" + slideIds[0] + "\"/></p14:sldIdLst></p14:section>"
                + "<p14:section name=\"Details\" id=\"{22222222-2222-2222-2222-222222222222}\"><p14:sldIdLst>"
                + "<p14:sldId id=\"" + slideIds[1] + "\"/><p14:sldId id=\"" + slideIds[2] + "\"/>"
                + "</p14:sldIdLst></p14:section></p14:sectionLst></p:ext></p:extLst>";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(pptx));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                byte[] data = in.readAllBytes();
                if (entry.getName().equals("ppt/presentation.xml")) {
                    String xml = new String(data, java.nio.charset.StandardCharsets.UTF_8);
                    data = xml.replace("</p:presentation>", sections + "</p:presentation>")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(data);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void pptxHasAHeadingPerSlideWithBodyTablesNotesAndPictures() throws Exception {
        Blocks.MemorySink sink = new Blocks.MemorySink();
        ParsedDocument parsed = PARSER.parse(pptx(false), Blocks.file("deck.pptx"), sink);

        assertThat(parsed.format()).isEqualTo("pptx");
        assertThat(parsed.structureSource()).isEqualTo(StructureSource.SLIDES);
        assertThat(parsed.pageCount()).isEqualTo(3);
        assertThat(Blocks.of(parsed)).containsExactly(
                "H1 Welcome @1", "T @1 Body text\n\nNotes: Say hello",
                "H1 Slide 2 @2", "T @2 A | B\n1 | 2",
                "H1 Chart @3", "T @3 See the picture");
        assertThat(parsed.images()).singleElement().satisfies(image -> {
            assertThat(image.page()).isEqualTo(3);
            assertThat(image.caption()).isEqualTo("Slide 3 visual content");
        });
    }

    @Test
    void pptxSlidesNestUnderTheDecksSections() throws Exception {
        ParsedDocument parsed = PARSER.parse(pptx(true), Blocks.file("deck.pptx"), ImageSink.DISCARD);

        assertThat(Blocks.of(parsed)).containsExactly(
                "H1 Intro @1", "H2 Welcome @1", "T @1 Body text\n\nNotes: Say hello",
                "H1 Details @2", "H2 Slide 2 @2", "T @2 A | B\n1 | 2",
                "H2 Chart @3", "T @3 See the picture");
    }
}
