package io.vectorless.query.web;

import org.springframework.http.HttpStatus;

/** A request the service refuses, with the status and message the client sees; {@code code} is OpenAI's error code. */
class ApiException extends RuntimeException {
    private final HttpStatus status;
    private final String code;
    private final String param;

    ApiException(HttpStatus status, String message, String code) {
        this(status, message, code, null);
    }

    /** @param param the request parameter at fault (OpenAI's {@code error.param}) */
    ApiException(HttpStatus status, String message, String code, String param) {
        super(message);
        this.status = status;
        this.code = code;
        this.param = param;
    }

    static ApiException badParameter(String param, String message, String code) {
        return new ApiException(HttpStatus.BAD_REQUEST, message, code, param);
    }

    String param() {
        return param;
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
