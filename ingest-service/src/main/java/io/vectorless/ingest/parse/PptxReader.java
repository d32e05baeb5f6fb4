package io.vectorless.ingest.parse;

import io.vectorless.schema.parsed.ParsedDocument;
import io.vectorless.schema.parsed.StructureSource;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.sl.usermodel.Placeholder;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFGroupShape;
import org.apache.poi.xslf.usermodel.XSLFNotes;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTable;
import org.apache.poi.xslf.usermodel.XSLFTableCell;
import org.apache.poi.xslf.usermodel.XSLFTableRow;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.openxmlformats.schemas.presentationml.x2006.main.CTSlideIdListEntry;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Slide decks: a heading per slide (its title, else "Slide N"), under a heading per section when the deck has
 * sections; body text, tables one row per line, speaker notes and pictures; page = slide number.
 */
final class PptxReader {
    private static final String P14 = "http://schemas.microsoft.com/office/powerpoint/2010/main";

    private final ParseContext context;

    PptxReader(ParseContext context) {
        this.context = context;
    }

    ParsedDocument read(byte[] bytes) {
        OoxmlSupport.guard(context.limits);
        try (XMLSlideShow deck = new XMLSlideShow(new ByteArrayInputStream(bytes))) {
            List<XSLFSlide> slides = deck.getSlides();
            context.checkPages(slides.size(), "slides");
            Map<Long, String> sectionOfSlide = sections(deck);
            List<CTSlideIdListEntry> ids = deck.getCTPresentation().getSldIdLst() == null ? List.of()
                    : deck.getCTPresentation().getSldIdLst().getSldIdList();
            BlockWriter writer = new BlockWriter();
            String currentSection = null;
            boolean hasSections = !sectionOfSlide.isEmpty();
            for (int i = 0; i < slides.size(); i++) {
                context.deadline.check();
                XSLFSlide slide = slides.get(i);
                int number = i + 1;
                if (hasSections) {
                    String section = i < ids.size() ? sectionOfSlide.get(ids.get(i).getId()) : null;
                    if (section != null && !section.equals(currentSection)) {
                        writer.heading(1, section, number);
                        currentSection = section;
                    }
                }
                String title = slide.getTitle();
                writer.heading(hasSections ? 2 : 1, title == null || title.isBlank() ? "Slide " + number : title,
                        number);
                List<String> texts = new ArrayList<>();
                shapes(slide.getShapes(), texts, number);
                texts.forEach(text -> {
                    writer.line(text, number);
                    writer.paragraphBreak();
                });
                String notes = notes(slide.getNotes());
                if (!notes.isBlank()) {
                    writer.line("Notes: " + notes, number);
                }
            }
            if (deck.getProperties() != null && deck.getProperties().getCoreProperties() != null) {
                context.metadata("author", deck.getProperties().getCoreProperties().getCreator());
            }
            String title = deck.getProperties() == null || deck.getProperties().getCoreProperties() == null ? null
                    : deck.getProperties().getCoreProperties().getTitle();
            if ((title == null || title.isBlank()) && !slides.isEmpty()) {
                title = slides.get(0).getTitle();
            }
            return context.result(title, slides.size(), StructureSource.SLIDES, writer.blocks());
        } catch (IOException | POIXMLException | OpenXML4JRuntimeException | IllegalStateException
                 | IllegalArgumentException e) {
            throw OoxmlSupport.failure("PPTX", e);
        }
    }

    private void shapes(List<XSLFShape> shapes, List<String> texts, int slide) {
        for (XSLFShape shape : shapes) {
            if (shape instanceof XSLFTextShape text) {
                Placeholder placeholder = text.getTextType();
                boolean isTitle = placeholder == Placeholder.TITLE || placeholder == Placeholder.CENTERED_TITLE;
                boolean furniture = placeholder == Placeholder.SLIDE_NUMBER || placeholder == Placeholder.FOOTER
                        || placeholder == Placeholder.DATETIME;
                String value = text.getText();
                if (!isTitle && !furniture && value != null && !value.isBlank()) {
                    texts.add(value.strip());
                }
            } else if (shape instanceof XSLFTable table) {
                List<String> rows = new ArrayList<>();
                for (XSLFTableRow row : table.getRows()) {
                    List<String> cells = new ArrayList<>();
                    for (XSLFTableCell cell : row.getCells()) {
                        cells.add(Text.oneLine(cell.getText()));
                    }
                    rows.add(String.join(" | ", cells));
                }
                texts.add(String.join("\n", rows));
            } else if (shape instanceof XSLFGroupShape group) {
                shapes(group.getShapes(), texts, slide);
            } else if (shape instanceof XSLFPictureShape picture && picture.getPictureData() != null) {
                OoxmlSupport.picture(context, slide, picture.getPictureData().getData(),
                        "Slide " + slide + " visual content");
            }
        }
    }

    private static String notes(XSLFNotes notes) {
        if (notes == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (XSLFShape shape : notes.getShapes()) {
            if (shape instanceof XSLFTextShape text && text.getTextType() == Placeholder.BODY
                    && text.getText() != null && !text.getText().isBlank()) {
                parts.add(text.getText().strip());
            }
        }
        return String.join("\n", parts);
    }

    /** Slide id to section name, from the PowerPoint 2010 section list in presentation.xml's extensions. */
    private Map<Long, String> sections(XMLSlideShow deck) {
        Map<Long, String> result = new HashMap<>();
        String xml = deck.getCTPresentation().xmlText();
        if (!xml.contains("sectionLst")) {
            return result;
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            org.w3c.dom.Document dom = factory.newDocumentBuilder()
                    .parse(new org.xml.sax.InputSource(new StringReader(xml)));
            NodeList sections = dom.getElementsByTagNameNS(P14, "section");
            for (int s = 0; s < sections.getLength(); s++) {
                Element section = (Element) sections.item(s);
                String name = section.getAttribute("name");
                NodeList slideIds = section.getElementsByTagNameNS(P14, "sldId");
                for (int i = 0; i < slideIds.getLength(); i++) {
                    String id = ((Element) slideIds.item(i)).getAttribute("id");
                    result.put(Long.parseLong(id.strip()), name.isBlank() ? "Section " + (s + 1) : name);
                }
            }
        } catch (Exception e) {
            context.warn("the deck's sections could not be read: " + DocumentParser.describe(e));
        }
        return result;
    }

}
