package io.vectorless.gateway.domain;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The document types the pipeline can parse, recognised by file extension. */
public final class FileTypes {
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "pdf", "application/pdf",
            "html", "text/html",
            "htm", "text/html",
            "epub", "application/epub+zip",
            "md", "text/markdown",
            "markdown", "text/markdown",
            "txt", "text/plain",
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation");

    public static final String SUPPORTED = "pdf, md, markdown, txt, docx, pptx, html, htm, epub";

    private FileTypes() {
    }

    /** The canonical content type for a supported file name, or empty when the type is not supported. */
    public static Optional<String> contentTypeOf(String fileName) {
        if (fileName == null) {
            return Optional.empty();
        }
        int dot = fileName.lastIndexOf('.');
        if (dot < 0 || dot == fileName.length() - 1) {
            return Optional.empty();
        }
        return Optional.ofNullable(CONTENT_TYPES.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }

    /** The last path segment of a client-supplied name, so a name can never smuggle a path. */
    public static String baseName(String fileName) {
        if (fileName == null) {
            return "";
        }
        String name = fileName.replace('\\', '/');
        return name.substring(name.lastIndexOf('/') + 1).strip();
    }
}
