package io.vectorless.query.web;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Errors in the shape each kind of client reads: OpenAI's {@code {"error": {...}}} under {@code /v1}, the API's
 * {@code {"detail": "..."}} everywhere else. Bad input is a 4xx with a message a person can act on, never a 500.
 */
@RestControllerAdvice
class ErrorAdvice {
    private static final Logger log = LoggerFactory.getLogger(ErrorAdvice.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Map<String, Object>> api(ApiException e, HttpServletRequest request) {
        return body(request, e.status(), e.getMessage(), e.code(), e.param());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return body(request, HttpStatus.BAD_REQUEST,
                "The request body is missing, is not valid JSON, or has a field of the wrong type", null);
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<Map<String, Object>> parameter(Exception e, HttpServletRequest request) {
        return body(request, HttpStatus.BAD_REQUEST, e.getMessage(), null);
    }

    @ExceptionHandler(HttpMediaTypeException.class)
    ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeException e, HttpServletRequest request) {
        return body(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the request body as application/json", null);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return body(request, HttpStatus.METHOD_NOT_ALLOWED, e.getMessage(), null);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Map<String, Object>> notFound(NoResourceFoundException e, HttpServletRequest request) {
        if (request.getRequestURI().startsWith("/v1/")) {
            return body(request, HttpStatus.NOT_FOUND, "Invalid URL (" + request.getMethod() + " "
                    + request.getRequestURI() + "): this server offers GET /v1/models, GET /v1/models/{model} and "
                    + "POST /v1/chat/completions", "unknown_url");
        }
        return body(request, HttpStatus.NOT_FOUND, "Not found: " + request.getRequestURI(), null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e, HttpServletRequest request) {
        log.error("request {} failed", request.getRequestURI(), e);
        return body(request, HttpStatus.INTERNAL_SERVER_ERROR, "Internal error while answering the request", null);
    }

    static ResponseEntity<Map<String, Object>> body(HttpServletRequest request, HttpStatus status, String message,
                                                    String code) {
        return body(request, status, message, code, null);
    }

    static ResponseEntity<Map<String, Object>> body(HttpServletRequest request, HttpStatus status, String message,
                                                    String code, String param) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (request.getRequestURI().startsWith("/v1/")) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("message", message);
            error.put("type", status.is5xxServerError() ? "server_error" : "invalid_request_error");
            error.put("param", param);
            error.put("code", code);
            body.put("error", error);
        } else {
            body.put("detail", message);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
