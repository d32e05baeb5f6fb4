package io.vectorless.query.web;

import org.springframework.http.HttpStatus;

/** A request the service refuses, with the status and message the client sees; {@code code} is OpenAI's error code. */
class ApiException extends RuntimeException {
    private final HttpStatus status;
    private final String code;

    ApiException(HttpStatus status, String message, String code) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static ApiException badRequest(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, message, null);
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }
}
