package io.vectorless.support.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The container's error page ({@code /error}): whatever ended in {@code sendError} — a 404 or 405 the framework
 * answered, a request the container rejected — is answered {@code {"detail": ...}} JSON, whatever the client
 * accepts, instead of Spring Boot's whitelabel page or its timestamp/path body.
 */
@RequestMapping("${server.error.path:${error.path:/error}}")
public class JsonErrorController implements ErrorController {

    @RequestMapping
    public ResponseEntity<String> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value && value >= 400 ? value : 500;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(ErrorDetails.body(status, uri == null ? null : uri.toString()));
    }
}
