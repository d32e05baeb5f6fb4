package io.vectorless.schema.parsed;

import java.util.List;
import java.util.Map;

/**
 * What ingest makes of an original file, stored as JSON in object storage (claim check) and read by the indexer.
 * Structure is carried by {@link Block}s in reading order: a heading block opens a section at its level, text
 * blocks belong to the nearest heading before them. The indexer turns this into the tree.
 *
 * @param format          {@code pdf}, {@code docx}, {@code pptx}, {@code markdown} or {@code text}
 * @param title           the document's own title (metadata, title style, front matter), or {@code null}
 * @param pageCount       physical pages (PDF), slides (PPTX), approximated pages (DOCX, Markdown, TXT)
 * @param structureSource where the headings came from, so the tree can say how much to trust them
 * @param blocks          headings and text in reading order
 * @param images          page or embedded images already stored in object storage
 * @param metadata        format-specific facts (author, producer, ...) worth keeping
 * @param warnings        things the parser worked around, in words a person can read
 * @param structure       how the structure was found and how far to trust it; null from older producers
 * @param uploadId        the upload this was parsed from ({@code null} for documents parsed before upload ids), so
 *                        a reader can tell that a parsed form it found belongs to the upload it is processing
 */
public record ParsedDocument(
        int schemaVersion,
        long documentId,
        int version,
        String format,
        String title,
        int pageCount,
        StructureSource structureSource,
        List<Block> blocks,
        List<PageImage> images,
        Map<String, String> metadata,
        List<String> warnings,
        StructureReport structure,
        String uploadId) {

    public static final int SCHEMA_VERSION = 1;

    /** A parsed document without a structure report (older producers, formats that make none). */
    public ParsedDocument(int schemaVersion, long documentId, int version, String format, String title, int pageCount,
                          StructureSource structureSource, List<Block> blocks, List<PageImage> images,
                          Map<String, String> metadata, List<String> warnings, StructureReport structure) {
        this(schemaVersion, documentId, version, format, title, pageCount, structureSource, blocks, images, metadata,
                warnings, structure, null);
    }

    public ParsedDocument(int schemaVersion, long documentId, int version, String format, String title, int pageCount,
                          StructureSource structureSource, List<Block> blocks, List<PageImage> images,
                          Map<String, String> metadata, List<String> warnings) {
        this(schemaVersion, documentId, version, format, title, pageCount, structureSource, blocks, images, metadata,
                warnings, null);
    }

    public ParsedDocument withStructure(StructureReport report) {
        return new ParsedDocument(schemaVersion, documentId, version, format, title, pageCount, structureSource,
                blocks, images, metadata, warnings, report, uploadId);
    }

    public ParsedDocument withUploadId(String newUploadId) {
        return new ParsedDocument(schemaVersion, documentId, version, format, title, pageCount, structureSource,
                blocks, images, metadata, warnings, structure, newUploadId);
    }

    /** Whether this parsed form was made for that upload of that document version. */
    public boolean belongsTo(long someDocumentId, int someVersion, String someUploadId) {
        return documentId == someDocumentId && version == someVersion
                && (someUploadId == null || someUploadId.equals(uploadId));
    }

    public ParsedDocument {
        blocks = blocks == null ? List.of() : List.copyOf(blocks);
        images = images == null ? List.of() : List.copyOf(images);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** Total UTF-8 bytes of text across all blocks. */
    public long textBytes() {
        long total = 0;
        for (Block block : blocks) {
            total += block.text().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }
        return total;
    }
}
