package io.vectorless.ingest.parse;

import io.vectorless.schema.parsed.ParsedDocument;
import io.vectorless.core.failure.PermanentFailure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static io.vectorless.ingest.parse.PdfFixture.body;
import static io.vectorless.ingest.parse.PdfFixture.heading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MalformedFilesTest {
    private static final DocumentParser PARSER = new DocumentParser(ParseLimits.defaults());

    @AfterAll
    static void close() {
        PARSER.close();
    }

    private static void assertFails(byte[] bytes, String name, String reason) {
        assertThatThrownBy(() -> PARSER.parse(bytes, Blocks.file(name), ImageSink.DISCARD))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining(reason);
    }

    private static PdfFixture pages(int count) {
        PdfFixture fixture = new PdfFixture();
        for (int i = 1; i <= count; i++) {
            fixture.page(heading(1, "Chapter " + i), body("Text of chapter " + i + "."));
        }
        return fixture;
    }

    private static byte[] zip(String entry, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content);
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    @Test
    void emptyFileIsRefused() {
        assertFails(new byte[0], "empty.pdf", "the file is empty");
    }

    @Test
    void randomBytesAreRefusedAsUnsupported() {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        assertFails(noise, "noise.pdf", "unsupported file type");
    }

    @Test
    void truncatedPdfIsRefusedAsDamaged() {
        byte[] pdf = pages(3).withOutline();
        assertFails(Arrays.copyOf(pdf, pdf.length / 3), "cut.pdf", "the PDF is damaged or truncated");
    }

    @Test
    void passwordProtectedPdfIsRefusedWithReason() {
        assertFails(pages(2).passwords("owner", "user-secret").withOutline(), "locked.pdf",
                "the PDF is protected by a password");
    }

    @Test
    void scannedPdfWithoutTextIsRefusedWithReason() {
        assertFails(PdfFixture.scanned(), "scan.pdf", "no text found: the PDF has no text layer and OCR recognised no text on its 1 page");
    }

    @Test
    void pdfNamedDocxIsParsedAsPdf() {
        ParsedDocument parsed = PARSER.parse(pages(2).withOutline(), Blocks.file("misnamed.docx"), ImageSink.DISCARD);

        assertThat(parsed.format()).isEqualTo("pdf");
        assertThat(Blocks.of(parsed)).containsExactly("H1 Chapter 1 @1", "T @1 Text of chapter 1.",
                "H1 Chapter 2 @2", "T @2 Text of chapter 2.");
    }

    @Test
    void zipBombDocxIsRefused() throws IOException {
        byte[] bomb = zip("word/document.xml", new byte[40 * 1024 * 1024]);
        assertThat(bomb.length).isLessThan(1024 * 1024);
        assertFails(bomb, "bomb.docx", "decompression bomb");
    }

    @Test
    void damagedDocxIsRefused() throws IOException {
        assertFails(zip("word/document.xml", "<w:document".getBytes(StandardCharsets.UTF_8)), "bad.docx",
                "the DOCX file is damaged");
    }

    @Test
    void aDocxDeclaringADoctypeIsRefusedInWordsWithoutClassNames() throws IOException {
        byte[] docx = zip("word/document.xml", ("<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY x \"y\">]>"
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>")
                .getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> PARSER.parse(docx, Blocks.file("doctype.docx"), ImageSink.DISCARD))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("DOCX")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("org.").doesNotContain("Exception")
                        .doesNotContain("null"));
    }

    @Test
    void zipThatIsNotAnOfficeDocumentIsRefused() throws IOException {
        assertFails(zip("readme.txt", "hello".getBytes(StandardCharsets.UTF_8)), "archive.docx",
                "neither a Word (DOCX), a PowerPoint (PPTX) nor an EPUB document");
    }

    @Test
    void legacyOfficeFileIsRefusedWithAHint() {
        byte[] ole = new byte[2048];
        byte[] magic = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(magic, 0, ole, 0, magic.length);
        assertFails(ole, "old.doc", "legacy Office document");
    }

    @Test
    void documentWithTooManyPagesIsRefused() {
        DocumentParser limited = new DocumentParser(ParseLimits.defaults().withMaxPages(2));
        assertThatThrownBy(() -> limited.parse(pages(3).withOutline(), Blocks.file("long.pdf"), ImageSink.DISCARD))
                .isInstanceOf(PermanentFailure.class)
                .hasMessage("the document has 3 pages, more than the limit of 2");
        limited.close();
    }

    @Test
    void parsingOverTheTimeLimitIsRefusedAndTheParserKeepsWorking() {
        DocumentParser hasty = new DocumentParser(ParseLimits.defaults().withTimeout(Duration.ofMillis(1)));
        byte[] pdf = pages(200).withOutline();
        assertThatThrownBy(() -> hasty.parse(pdf, Blocks.file("slow.pdf"), ImageSink.DISCARD))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("parsing took longer than the limit");
        hasty.close();

        assertThat(PARSER.parse(pdf, Blocks.file("slow.pdf"), ImageSink.DISCARD).pageCount()).isEqualTo(200);
    }
}
