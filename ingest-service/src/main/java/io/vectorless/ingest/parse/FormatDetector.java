package io.vectorless.ingest.parse;

import io.vectorless.core.failure.PermanentFailure;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Decides the format from the bytes, never from the name: a PDF called {@code .docx} is a PDF. The name only tells
 * Markdown from plain text. Archives are inflated once here with counters, so a decompression bomb is refused
 * before any OOXML library touches it.
 */
final class FormatDetector {
    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final byte[] OLE2_MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    private static final java.util.regex.Pattern HTML_START = java.util.regex.Pattern.compile(
            "(?is)\\s*(<\\?xml[^>]*>\\s*)?(<!--.*?-->\\s*)*(<!doctype\\s+html|<html[\\s>]|<head[\\s>]|<body[\\s>])");

    private final ParseLimits limits;

    FormatDetector(ParseLimits limits) {
        this.limits = limits;
    }

    DocumentFormat detect(byte[] bytes, SourceFile source) {
        if (bytes.length == 0) {
            throw new PermanentFailure("the file is empty (0 bytes)");
        }
        if (startsWith(bytes, PDF_MAGIC, 0) || indexOf(bytes, PDF_MAGIC, 1024) >= 0 && endsLikePdf(bytes)) {
            return DocumentFormat.PDF;
        }
        if (startsWith(bytes, ZIP_MAGIC, 0)) {
            return inspectArchive(bytes);
        }
        if (startsWith(bytes, OLE2_MAGIC, 0)) {
            throw new PermanentFailure("the file is a legacy Office document (.doc, .ppt, .xls) or a password-protected"
                    + " Office file; save it as DOCX, PPTX or PDF without a password and upload it again");
        }
        if (!TextDecoding.looksLikeText(bytes)) {
            throw new PermanentFailure("unsupported file type: the content is not PDF, DOCX, PPTX, EPUB, HTML,"
                    + " Markdown or plain text (it looks like binary data)");
        }
        if (looksLikeHtml(bytes, source)) {
            return DocumentFormat.HTML;
        }
        return isMarkdown(source) ? DocumentFormat.MARKDOWN : DocumentFormat.TEXT;
    }

    /**
     * Markup that opens like an HTML document (a doctype or an {@code <html>} tag after any XML declaration and
     * comments), or a file named or typed HTML whose text starts with a tag. Markdown with inline HTML stays
     * Markdown.
     */
    static boolean looksLikeHtml(byte[] bytes, SourceFile source) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        if (head.startsWith("\u00EF\u00BB\u00BF")) {
            head = head.substring(3);
        }
        if (HTML_START.matcher(head).lookingAt()) {
            return true;
        }
        String name = source.fileName().toLowerCase(Locale.ROOT);
        String type = source.contentType().toLowerCase(Locale.ROOT);
        boolean named = name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".xhtml")
                || type.contains("html");
        return named && head.stripLeading().startsWith("<");
    }

    private static boolean isMarkdown(SourceFile source) {
        String name = source.fileName().toLowerCase(Locale.ROOT);
        String type = source.contentType().toLowerCase(Locale.ROOT);
        return name.endsWith(".md") || name.endsWith(".markdown") || name.endsWith(".mdown")
                || type.contains("markdown");
    }

    private DocumentFormat inspectArchive(byte[] bytes) {
        boolean word = false;
        boolean slides = false;
        boolean epub = false;
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName();
                word |= name.startsWith("word/");
                slides |= name.startsWith("ppt/");
                epub |= name.equals("META-INF/container.xml");
                long entryBytes = 0;
                int read;
                while ((read = zip.read(buffer)) > 0) {
                    entryBytes += read;
                    total += read;
                    if (entryBytes > limits.maxZipEntryBytes() || total > limits.maxUncompressedBytes()
                            || total > 10L * 1024 * 1024 && total > bytes.length * limits.maxInflateRatio()) {
                        throw bomb(name);
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new PermanentFailure("the file is a damaged ZIP archive and cannot be read as DOCX, PPTX or EPUB: "
                    + DocumentParser.describe(e), e);
        }
        if (word) {
            return DocumentFormat.DOCX;
        }
        if (slides) {
            return DocumentFormat.PPTX;
        }
        if (epub) {
            return DocumentFormat.EPUB;
        }
        throw new PermanentFailure("unsupported file type: a ZIP archive that is neither a Word (DOCX), a"
                + " PowerPoint (PPTX) nor an EPUB document");
    }

    private static PermanentFailure bomb(String entry) {
        return new PermanentFailure("the archive expands far beyond its size (entry '" + entry
                + "'): it looks like a decompression bomb and was not processed");
    }

    /** A header after some junk counts only when the file also ends like a PDF (text about PDFs does not). */
    private static boolean endsLikePdf(byte[] bytes) {
        byte[] eof = {'%', '%', 'E', 'O', 'F'};
        for (int i = bytes.length - eof.length; i >= Math.max(0, bytes.length - 2048); i--) {
            if (startsWith(bytes, eof, i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] bytes, byte[] magic, int at) {
        if (bytes.length < at + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (bytes[at + i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** PDF readers accept a header preceded by junk within the first kilobyte; so does this. */
    private static int indexOf(byte[] bytes, byte[] magic, int within) {
        int end = Math.min(bytes.length - magic.length, within);
        for (int i = 0; i <= end; i++) {
            if (startsWith(bytes, magic, i)) {
                return i;
            }
        }
        return -1;
    }
}
