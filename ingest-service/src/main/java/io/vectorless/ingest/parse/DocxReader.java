package io.vectorless.ingest.parse;

import io.vectorless.schema.parsed.ParsedDocument;
import io.vectorless.schema.parsed.StructureSource;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFPicture;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBrType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Word documents: the Title style names the document, Heading 1-9 styles and outline levels (on the paragraph or
 * inherited through its style) make headings, with their list numbering in Word's formats (decimal, roman,
 * letters); tables become text
 * one row per line. DOCX has no fixed pages (Word lays them out when it renders), so pages are approximated: a new
 * page at every explicit page break and every {@link ParseLimits#charsPerPage()} characters.
 */
final class DocxReader {
    private static final Pattern HEADING_STYLE = Pattern.compile("(?i)^heading\\s*([1-9])$");
    private static final int TITLE = -1;

    private final ParseContext context;
    private final Map<String, int[]> numbering = new HashMap<>();
    private PageCounter pages;
    private BlockWriter writer;
    private String title;

    DocxReader(ParseContext context) {
        this.context = context;
    }

    ParsedDocument read(byte[] bytes) {
        OoxmlSupport.guard(context.limits);
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            pages = new PageCounter(context.limits.charsPerPage());
            writer = new BlockWriter();
            for (IBodyElement element : document.getBodyElements()) {
                context.deadline.check();
                if (element instanceof XWPFParagraph paragraph) {
                    paragraph(paragraph, document.getStyles());
                } else if (element instanceof XWPFTable table) {
                    table(table, document.getStyles());
                } else if (element instanceof XWPFSDT sdt) {
                    text(sdt.getContent().getText());
                }
            }
            context.checkPages(pages.pageCount(), "pages (approximated)");
            if (document.getProperties() != null && document.getProperties().getCoreProperties() != null) {
                context.metadata("author", document.getProperties().getCoreProperties().getCreator());
                if (title == null) {
                    title = document.getProperties().getCoreProperties().getTitle();
                }
            }
            StructureSource structure = writer.headingCount() > 0 ? StructureSource.HEADINGS
                    : StructureSource.PARAGRAPHS;
            return context.result(title, pages.pageCount(), structure, writer.blocks());
        } catch (IOException | POIXMLException | OpenXML4JRuntimeException | IllegalStateException
                 | IllegalArgumentException e) {
            throw OoxmlSupport.failure("DOCX", e);
        }
    }

    private void paragraph(XWPFParagraph paragraph, XWPFStyles styles) {
        if (paragraph.isPageBreak()) {
            pages.pageBreak();
        }
        String text = paragraph.getText();
        int level = headingLevel(paragraph, styles);
        if (level == TITLE && title == null && !text.isBlank()) {
            title = text;
        } else if (level > 0 && !text.isBlank()) {
            writer.heading(level, numbered(paragraph, text), pages.page());
        } else {
            text(text);
        }
        pages.add(text.length() + 1);
        for (XWPFRun run : paragraph.getRuns()) {
            for (XWPFPicture picture : run.getEmbeddedPictures()) {
                if (picture.getPictureData() != null) {
                    OoxmlSupport.picture(context, pages.page(), picture.getPictureData().getData(),
                            "Page " + pages.page() + " visual content");
                }
            }
            for (CTBr br : run.getCTR().getBrList()) {
                if (br.getType() == STBrType.PAGE) {
                    pages.pageBreak();
                }
            }
        }
    }

    private void text(String text) {
        if (text != null && !text.isBlank()) {
            writer.line(text, pages.page());
            writer.paragraphBreak();
        }
    }

    /**
     * Rows as text, one per line. A paragraph styled as a heading inside a cell (layout tables put section titles in
     * cells) is a heading a reader sees: it ends the rows before it and opens its section.
     */
    private void table(XWPFTable table, XWPFStyles styles) {
        StringBuilder rows = new StringBuilder();
        for (XWPFTableRow row : table.getRows()) {
            List<String> cells = new ArrayList<>();
            for (XWPFTableCell cell : row.getTableCells()) {
                StringBuilder cellText = new StringBuilder();
                for (XWPFParagraph paragraph : cell.getParagraphs()) {
                    int level = headingLevel(paragraph, styles);
                    if (level > 0 && !paragraph.getText().isBlank()) {
                        text(rows.toString());
                        pages.add(rows.length() + 1);
                        rows.setLength(0);
                        writer.heading(level, numbered(paragraph, paragraph.getText()), pages.page());
                    } else if (!paragraph.getText().isBlank()) {
                        cellText.append(cellText.isEmpty() ? "" : " ").append(paragraph.getText());
                    }
                }
                for (XWPFTable nested : cell.getTables()) {
                    cellText.append(cellText.isEmpty() ? "" : " ").append(nested.getText());
                }
                cells.add(Text.oneLine(cellText.toString()));
            }
            if (!rows.isEmpty()) {
                rows.append('\n');
            }
            rows.append(String.join(" | ", cells));
        }
        text(rows.toString());
        pages.add(rows.length() + 1);
    }

    /** {@link #TITLE}, a heading level 1-9, or 0 for body text. */
    private int headingLevel(XWPFParagraph paragraph, XWPFStyles styles) {
        Integer direct = outlineLevel(paragraph.getCTP().getPPr());
        if (direct != null) {
            return direct;
        }
        String styleId = paragraph.getStyleID();
        Set<String> seen = new HashSet<>();
        while (styleId != null && seen.add(styleId) && seen.size() < 20) {
            XWPFStyle style = styles == null ? null : styles.getStyle(styleId);
            String name = style == null || style.getName() == null ? styleId : style.getName();
            if ("title".equalsIgnoreCase(name) || "title".equalsIgnoreCase(styleId)) {
                return TITLE;
            }
            Matcher heading = HEADING_STYLE.matcher(name);
            if (!heading.matches()) {
                heading = HEADING_STYLE.matcher(styleId);
            }
            if (heading.matches()) {
                return Integer.parseInt(heading.group(1));
            }
            if (style != null && style.getCTStyle().getPPr() != null
                    && style.getCTStyle().getPPr().isSetOutlineLvl()) {
                BigInteger value = style.getCTStyle().getPPr().getOutlineLvl().getVal();
                if (value != null && value.intValue() < 9) {
                    return value.intValue() + 1;
                }
                // "body text" on a style only keeps it out of Word's own contents field ("TOC Heading" is based
                // on Heading 1 and set that way): what it is based on still says how it looks and reads
            }
            styleId = style == null ? null : style.getBasisStyleID();
        }
        return 0;
    }

    /** Outline level 0-8 means heading 1-9; 9 is Word's "body text". Null when the paragraph sets none. */
    private static Integer outlineLevel(CTPPr properties) {
        if (properties == null || !properties.isSetOutlineLvl() || properties.getOutlineLvl().getVal() == null) {
            return null;
        }
        int value = properties.getOutlineLvl().getVal().intValue();
        return value >= 9 ? 0 : value + 1;
    }

    /** "2.1 Scope" from a decimal list level "%1.%2" whose counters this reader keeps itself. */
    private String numbered(XWPFParagraph paragraph, String text) {
        BigInteger numId = paragraph.getNumID();
        BigInteger ilvl = paragraph.getNumIlvl();
        String format = paragraph.getNumFmt();
        String pattern = paragraph.getNumLevelText();
        if (numId == null || pattern == null || format != null && number(1, format) == null) {
            return text;
        }
        int level = ilvl == null ? 0 : Math.min(8, ilvl.intValue());
        int[] counters = numbering.computeIfAbsent(numId.toString(), id -> new int[9]);
        counters[level]++;
        for (int deeper = level + 1; deeper < counters.length; deeper++) {
            counters[deeper] = 0;
        }
        String number = pattern;
        for (int i = 0; i <= level; i++) {
            // the paragraph's own level in its own format ("A.", "iv)"); the levels above it as decimals
            String value = i == level && format != null ? number(Math.max(1, counters[i]), format)
                    : Integer.toString(Math.max(1, counters[i]));
            number = number.replace("%" + (i + 1), value);
        }
        return number.contains("%") ? text : number.strip() + " " + text;
    }

    /** A list counter in one of Word's numbering formats; null for bullets and formats that print no number. */
    static String number(int value, String format) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "decimal" -> Integer.toString(value);
            case "decimalzero" -> value < 10 ? "0" + value : Integer.toString(value);
            case "upperroman" -> roman(value).toUpperCase(Locale.ROOT);
            case "lowerroman" -> roman(value);
            case "upperletter" -> letters(value).toUpperCase(Locale.ROOT);
            case "lowerletter" -> letters(value);
            default -> null;
        };
    }

    private static String roman(int value) {
        int[] values = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
        String[] digits = {"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"};
        StringBuilder out = new StringBuilder();
        int rest = Math.min(value, 3999);
        for (int i = 0; i < values.length; i++) {
            while (rest >= values[i]) {
                out.append(digits[i]);
                rest -= values[i];
            }
        }
        return out.toString();
    }

    /** Word's letter counters: a..z, then aa..zz. */
    private static String letters(int value) {
        char letter = (char) ('a' + (value - 1) % 26);
        return String.valueOf(letter).repeat((value - 1) / 26 + 1);
    }
}
