package io.vectorless.ingest.parse;

import io.vectorless.schema.parsed.ParsedDocument;
import io.vectorless.schema.parsed.StructureReport;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Word headings a reader sees: list numbering in any of Word's formats, headings set inside table cells. */
class DocxStructureTest {
    private static final DocumentParser PARSER = new DocumentParser(ParseLimits.defaults());

    @AfterAll
    static void close() {
        PARSER.close();
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
    void headingsKeepRomanAndLetterNumberingAndHeadingsInTableCellsOpenSections() throws Exception {
        try (XWPFDocument document = new XWPFDocument()) {
            XWPFNumbering numbering = document.createNumbering();
            CTAbstractNum abstractNum = CTAbstractNum.Factory.newInstance();
            abstractNum.setAbstractNumId(BigInteger.ZERO);
            STNumberFormat.Enum[] formats = {STNumberFormat.UPPER_ROMAN, STNumberFormat.LOWER_LETTER};
            String[] patterns = {"%1.", "(%2)"};
            for (int level = 0; level < formats.length; level++) {
                CTLvl lvl = abstractNum.addNewLvl();
                lvl.setIlvl(BigInteger.valueOf(level));
                lvl.addNewStart().setVal(BigInteger.ONE);
                lvl.addNewNumFmt().setVal(formats[level]);
                lvl.addNewLvlText().setVal(patterns[level]);
            }
            BigInteger numId = numbering.addNum(numbering.addAbstractNum(new XWPFAbstractNum(abstractNum)));
            String[][] headings = {{"Heading1", "Scope", "0"}, {"Heading2", "Terms", "1"},
                    {"Heading2", "Limits", "1"}, {"Heading1", "Usage", "0"}};
            for (String[] heading : headings) {
                XWPFParagraph paragraph = paragraph(document, heading[0], heading[1]);
                paragraph.setNumID(numId);
                paragraph.setNumILvl(new BigInteger(heading[2]));
                paragraph(document, null, heading[1] + " text.");
            }
            XWPFTable layout = document.createTable(2, 1);
            layout.getRow(0).getCell(0).getParagraphs().get(0).setStyle("Heading1");
            layout.getRow(0).getCell(0).getParagraphs().get(0).createRun().setText("Contacts");
            layout.getRow(1).getCell(0).setText("Call the desk.");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.write(out);

            ParsedDocument parsed = PARSER.parse(out.toByteArray(), Blocks.file("spec.docx"), ImageSink.DISCARD);

            assertThat(Blocks.of(parsed)).containsExactly(
                    "H1 I. Scope @1", "T @1 Scope text.",
                    "H2 (a) Terms @1", "T @1 Terms text.",
                    "H2 (b) Limits @1", "T @1 Limits text.",
                    "H1 II. Usage @1", "T @1 Usage text.",
                    "H1 Contacts @1", "T @1 Call the desk.");
            assertThat(parsed.structure().primary()).isEqualTo("headings");
            assertThat(parsed.structure().sources()).containsEntry("headings", 5);
            assertThat(parsed.structure().confidence()).isEqualTo(StructureReport.HIGH);
        }
    }

    @Test
    void wordNumberingFormats() {
        assertThat(DocxReader.number(4, "upperRoman")).isEqualTo("IV");
        assertThat(DocxReader.number(28, "lowerLetter")).isEqualTo("bb");
        assertThat(DocxReader.number(7, "decimalZero")).isEqualTo("07");
        assertThat(DocxReader.number(3, "bullet")).isNull();
    }
}
