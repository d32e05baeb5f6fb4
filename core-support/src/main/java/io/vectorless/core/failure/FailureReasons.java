package io.vectorless.core.failure;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Turns a failure into the reason a person reads on a {@code failed} document: no Java class names, no {@code null},
 * no stack-trace fragments. Known library complaints are translated; anything else keeps its readable words.
 */
public final class FailureReasons {
    /** {@code org.apache.xmlbeans.XmlException:}, {@code java.lang.NullPointerException}, nested {@code Outer$Inner}. */
    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(?:[a-z_][a-z0-9_]*\\.){2,}[A-Z][A-Za-z0-9_]*(?:\\$[A-Za-z0-9_]+)*(?::\\s*)?");
    private static final Pattern BARE_EXCEPTION = Pattern.compile(
            "\\b[A-Z][A-Za-z0-9]*(?:Exception|Error)\\b:?\\s*");
    private static final Pattern NULLS = Pattern.compile("(?i):\\s*null\\b|^\\s*null\\s*$|\\(null\\)");
    private static final int MAX_DETAIL = 300;

    private FailureReasons() {
    }

    /** The reason for {@code failure}, or {@code fallback} when nothing readable can be said. */
    public static String describe(Throwable failure, String fallback) {
        String known = known(failure);
        if (known != null) {
            return known;
        }
        String cleaned = clean(failure == null ? null : failure.getMessage());
        if (!cleaned.isEmpty()) {
            return cleaned;
        }
        if (failure instanceof EOFException) {
            return "the data ends too early (the file looks truncated)";
        }
        if (failure instanceof TimeoutException || failure instanceof InterruptedIOException) {
            return "an operation timed out";
        }
        if (failure instanceof IOException) {
            return "the data could not be read";
        }
        return fallback;
    }

    /** The readable part of a message: class names and {@code null}s removed, whitespace tidied, length bounded. */
    public static String clean(String message) {
        if (message == null) {
            return "";
        }
        String text = CLASS_NAME.matcher(message).replaceAll("");
        text = BARE_EXCEPTION.matcher(text).replaceAll("");
        text = NULLS.matcher(text).replaceAll("");
        text = text.replace("()", "").replaceAll("\\s+", " ").replaceAll("\\s+([),.;:])", "$1")
                .replaceAll("[\\s:;,(]+$", "").strip();
        if (text.length() > MAX_DETAIL) {
            text = text.substring(0, MAX_DETAIL).strip() + "...";
        }
        return text;
    }

    /** Library complaints whose words mean nothing to the person who uploaded the file. */
    private static String known(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("doctype")) {
                return "the file contains an XML DOCTYPE declaration, which documents of this kind never do; it was"
                        + " not processed";
            }
            if (message.contains("end of central directory") || message.contains("zip end header")) {
                return "the ZIP container of the file is broken or truncated";
            }
            if (t instanceof OutOfMemoryError) {
                return "the document needs more memory than the service has; it is too large or too complex";
            }
            if (t instanceof StackOverflowError) {
                return "the document's structure is nested too deeply to process";
            }
        }
        return null;
    }
}
