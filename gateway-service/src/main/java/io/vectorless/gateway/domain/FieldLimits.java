package io.vectorless.gateway.domain;

/**
 * How long the names and texts a client sends may be. Over a limit the request is answered 400 with the field and
 * its limit, rather than storing megabytes in a name.
 */
public final class FieldLimits {
    public static final int WORKSPACE_NAME = 200;
    public static final int DESCRIPTION = 2_000;
    public static final int USERNAME = 100;
    public static final int FILE_NAME = 255;
    public static final int DOC_TITLE = 500;
    public static final int KEY_NAME = 200;

    private FieldLimits() {
    }

    /** @return {@code value} unchanged when it is within {@code max} characters */
    public static String check(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw ApiException.badRequest("'" + field + "' is too long: " + value.length()
                    + " characters, at most " + max + " are allowed");
        }
        if (value != null && value.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
            throw ApiException.badRequest("'" + field + "' contains control characters");
        }
        return value;
    }

    /** A username: required to be non-blank wherever it is checked, and within {@link #USERNAME}. */
    public static String username(String field, String value) {
        check(field, value, USERNAME);
        if (value != null && (value.contains("\n") || value.contains("\r") || value.contains("\t"))) {
            throw ApiException.badRequest("'" + field + "' must be a single line");
        }
        return value;
    }
}
