package io.vectorless.ingest.parse;

/** The formats the parser reads; {@link #wire()} is the {@code format} field of the parsed document. */
public enum DocumentFormat {
    PDF("pdf"), DOCX("docx"), PPTX("pptx"), MARKDOWN("markdown"), TEXT("text"), HTML("html"), EPUB("epub");

    private final String wire;

    DocumentFormat(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
