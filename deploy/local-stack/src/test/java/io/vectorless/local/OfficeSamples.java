package io.vectorless.local;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.xslf.usermodel.SlideLayout;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFSlideLayout;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** DOCX, PPTX, TXT and an illustrated PDF made in code, each with a fact found in exactly one section. */
final class OfficeSamples {
    private OfficeSamples() {
    }

    static byte[] docx() {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            paragraph(document, "Title", "Warehouse Manual");
            paragraph(document, "Heading1", "Receiving");
            paragraph(document, null, "Pallets are inspected at dock four before they are scanned into stock.");
            paragraph(document, "Heading2", "Cold Chain");
            paragraph(document, null, "Frozen goods must stay below minus eighteen degrees Celsius during unloading.");
            XWPFTable table = document.createTable(2, 2);
            table.getRow(0).getCell(0).setText("Zone");
            table.getRow(0).getCell(1).setText("Limit");
            table.getRow(1).getCell(0).setText("Freezer");
            table.getRow(1).getCell(1).setText("-18 C");
            paragraph(document, "Heading1", "Dispatch");
            paragraph(document, null, "Trucks leave the yard at six in the morning on weekdays.");
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void paragraph(XWPFDocument document, String style, String text) {
        XWPFParagraph paragraph = document.createParagraph();
        if (style != null) {
            paragraph.setStyle(style);
        }
        paragraph.createRun().setText(text);
    }

    static byte[] pptx() {
        try (XMLSlideShow deck = new XMLSlideShow(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSLFSlideLayout layout = deck.getSlideMasters().get(0).getLayout(SlideLayout.TITLE_AND_CONTENT);
            String[][] slides = {
                    {"Quarterly Results", "Revenue grew in every region this quarter."},
                    {"Hiring Plan", "We will hire twelve support engineers in Lisbon."},
                    {"Risks", "Currency swings remain the largest risk to margins."}};
            for (String[] content : slides) {
                XSLFSlide slide = deck.createSlide(layout);
                slide.getPlaceholder(0).setText(content[0]);
                slide.getPlaceholder(1).setText(content[1]);
            }
            deck.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] text() {
        return """
                1. Overview

                The greenhouse project grows tomatoes all year with recycled rain water.

                2. Irrigation

                Drip lines deliver two litres per plant every morning at sunrise.

                3. Harvest

                Pickers harvest ripe fruit on Tuesdays and Fridays before noon.
                """.getBytes(StandardCharsets.UTF_8);
    }

    /** Two pages; the second carries a chart-like picture. */
    static byte[] illustratedPdf() {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            String[][] pages = {
                    {"Summary", "Sales rose steadily through the year across all stores."},
                    {"Sales Chart", "The chart shows monthly sales peaking in December at 4.2 million."}};
            for (int i = 0; i < pages.length; i++) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(bold, 20);
                    content.newLineAtOffset(72, 700);
                    content.showText(pages[i][0]);
                    content.setFont(regular, 11);
                    content.newLineAtOffset(0, -30);
                    content.showText(pages[i][1]);
                    content.endText();
                    if (i == 1) {
                        PDImageXObject chart = LosslessFactory.createFromImage(document, chart());
                        content.drawImage(chart, 72, 300, 300, 200);
                    }
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage chart() {
        BufferedImage image = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, 300, 200);
        for (int month = 0; month < 12; month++) {
            graphics.setColor(new Color(40, 90 + month * 10, 200));
            int height = 20 + month * 14;
            graphics.fillRect(10 + month * 24, 200 - height, 18, height);
        }
        graphics.dispose();
        return image;
    }
}
