package io.vectorless.gateway.web;

/**
 * Messages and patterns of the request records' constraints. A violation is answered 400 as
 * {@code {"detail": "'<field>' <message>"}} by {@link ApiErrorHandler}, so each message reads on after the field name.
 */
public final class TextRules {
    /** Hibernate Validator's expression language puts the actual length in, so a client sees by how much. */
    public static final String TOO_LONG = "is too long: ${validatedValue.length()} characters, at most {max} are allowed";
    public static final String REQUIRED = "is required";
    /** No control characters except tab and line breaks: such text is never meant, and breaks logs and headers. */
    public static final String PLAIN = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]*";
    public static final String PLAIN_MESSAGE = "contains control characters";
    /** A username is one line. */
    public static final String ONE_LINE = "[^\\x00-\\x1F]*";
    public static final String ONE_LINE_MESSAGE = "must be a single line without control characters";

    private TextRules() {
    }
}
