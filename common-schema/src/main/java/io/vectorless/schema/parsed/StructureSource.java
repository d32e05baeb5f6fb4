package io.vectorless.schema.parsed;

/** Where a parsed document's headings came from. */
public enum StructureSource {
    /** The PDF's own bookmarks. */
    OUTLINE,
    /** Headings detected from font size, weight, numbering and position. */
    LAYOUT,
    /** A printed table-of-contents page mapped to physical pages. */
    TOC,
    /** Headings the format declares (Markdown headings, DOCX heading styles and outline levels). */
    HEADINGS,
    /** One heading per slide, under the deck's sections. */
    SLIDES,
    /** Nothing better: one section per page or per few pages. */
    PAGES,
    /** Nothing better: paragraphs grouped into sized sections. */
    PARAGRAPHS
}
