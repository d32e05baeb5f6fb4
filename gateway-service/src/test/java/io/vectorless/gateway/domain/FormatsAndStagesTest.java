package io.vectorless.gateway.domain;

import io.vectorless.schema.EventJson;
import io.vectorless.schema.event.DocumentStatus;
import io.vectorless.schema.event.DocumentStatusChanged;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** HTML and EPUB uploads are accepted; OCR progress (a stage inside parsing) moves a document's progress. */
class FormatsAndStagesTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void htmlAndEpubAreSupportedTypes() {
        assertThat(FileTypes.contentTypeOf("guide.HTML")).contains("text/html");
        assertThat(FileTypes.contentTypeOf("page.htm")).contains("text/html");
        assertThat(FileTypes.contentTypeOf("book.epub")).contains("application/epub+zip");
        assertThat(FileTypes.contentTypeOf("archive.zip")).isEmpty();
        assertThat(FileTypes.SUPPORTED).contains("html", "htm", "epub");
    }

    @Test
    void ocrProgressKeepsTheDocumentParsingWithGrowingProgress() {
        DocumentRecord doc = DocumentRecord.uploaded(7, 1, "alice", "scan.pdf", "hash", 100, "application/pdf",
                false, START);
        DocumentStatusChanged ocr = EventJson.read(EventJson.write(
                DocumentStatusChanged.progress(7, 1, 1, DocumentStatus.PARSING, 15.0, "ocr", "ingest-service")),
                DocumentStatusChanged.class);

        StatusProjection.Outcome outcome = StatusProjection.apply(doc, ocr, START.plusSeconds(5));

        assertThat(ocr.stage()).isEqualTo("ocr");
        assertThat(outcome.changed()).isTrue();
        assertThat(outcome.updated().status()).isEqualTo(DocumentStatus.PARSING);
        assertThat(outcome.updated().progress()).isEqualTo(15.0);
    }
}
