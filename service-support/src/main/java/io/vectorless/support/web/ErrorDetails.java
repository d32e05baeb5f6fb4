package io.vectorless.support.web;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/** The {@code {"detail"}} body for an error the container or the framework answers, written for a person. */
final class ErrorDetails {
    private ErrorDetails() {
    }

    static String detail(int status) {
        return switch (status) {
            case 400 -> "Bad request: the URL, its parameters or the headers could not be read "
                    + "(encoded slashes, NUL bytes and malformed escapes are not accepted)";
            case 401 -> "Not authenticated: send 'Authorization: Bearer <API key>' or 'x-api-key'";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method not allowed on this path";
            case 406 -> "Not acceptable: this path answers JSON";
            case 408 -> "The request took too long to arrive";
            case 413 -> "The request is larger than the server accepts";
            case 414 -> "The URL is too long";
            case 415 -> "Unsupported content type";
            case 431 -> "The request headers are too large";
            case 503 -> "The service is temporarily unavailable; try again shortly";
            default -> status >= 500 ? "Internal server error" : "The request could not be processed";
        };
    }

    /** OpenAI clients read {@code error.message}; everyone else reads {@code detail}. Both are always there for them. */
    static String body(int status, String path) {
        String quoted = "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(detail(status))) + "\"";
        boolean openAi = path != null && (path.startsWith("/v1/chat") || path.startsWith("/v1/models"));
        return openAi
                ? "{\"detail\":" + quoted + ",\"error\":{\"message\":" + quoted + ",\"type\":\""
                + (status >= 500 ? "server_error" : "invalid_request_error") + "\",\"code\":" + status + "}}"
                : "{\"detail\":" + quoted + "}";
    }
}
