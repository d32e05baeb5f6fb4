package io.vectorless.gateway.web;

import io.vectorless.gateway.domain.ApiException;
import io.vectorless.gateway.domain.FieldLimits;
import io.vectorless.support.storage.ObjectStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.Comparator;
import java.util.stream.Collectors;

/** Every error leaves as {@code {"detail": "..."}} with a status that says whose fault it was. */
@RestControllerAdvice
class ApiErrorHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);
    private static final PropertyNamingStrategies.NamingBase SNAKE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    /** The body of every error but the RAG-index 422 (FastAPI's list, see {@link RagIndexController}). */
    @Schema(name = "ApiError", description = "Every error except the RAG-index 422, which is FastAPI's list")
    record ApiError(@Schema(description = "Human-readable error message") String detail) {
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> api(ApiException e) {
        return detail(HttpStatus.valueOf(e.status()), e.getMessage());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Object> tooLarge(MaxUploadSizeExceededException e) {
        if (causedBy(e, "Header section has more than")) {
            return detail(HttpStatus.BAD_REQUEST, "A form part's headers are too long: the file name is limited to "
                    + FieldLimits.FILE_NAME + " characters");
        }
        if (causedBy(e, "maxPostSize")) {
            // the connector's cap on form fields (not files) also ends here: that is a field too long, not a file
            return detail(HttpStatus.BAD_REQUEST, "A form field is too long: the fields besides the file (username,"
                    + " workspace_id, ...) may hold at most a few kilobytes");
        }
        String limit = e.getMaxUploadSize() > 0 ? " of " + e.getMaxUploadSize() + " bytes" : "";
        return detail(HttpStatus.PAYLOAD_TOO_LARGE, "The file is larger than the maximum upload size" + limit);
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<Object> missingPart(MissingServletRequestPartException e) {
        return detail(HttpStatus.BAD_REQUEST, "Missing required form field '" + e.getRequestPartName() + "'");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Object> missingParameter(MissingServletRequestParameterException e) {
        return detail(HttpStatus.BAD_REQUEST, "Missing required field '" + e.getParameterName() + "'");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        String value = e.getValue() == null ? "" : e.getValue().toString();
        String shown = "'" + (value.length() > 40 ? value.substring(0, 40) + "..." : value) + "'";
        if (type != null && (Number.class.isAssignableFrom(type) || type == long.class || type == int.class)) {
            return detail(HttpStatus.BAD_REQUEST, "'" + e.getName() + "' must be a whole number written with digits"
                    + " only (no spaces, hex or decimals), got " + shown);
        }
        if (type == boolean.class || type == Boolean.class) {
            return detail(HttpStatus.BAD_REQUEST, "'" + e.getName() + "' must be true or false, got " + shown);
        }
        String expected = type == null ? "a different type" : type.getSimpleName();
        return detail(HttpStatus.BAD_REQUEST, "Invalid value for '" + e.getName() + "': expected " + expected);
    }

    /**
     * A request record that failed its constraints ({@code @Valid}), or a form whose fields could not be bound:
     * 400 naming each field as the client wrote it.
     */
    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Object> invalid(MethodArgumentNotValidException e) {
        String detail = e.getBindingResult().getFieldErrors().stream()
                .sorted(Comparator.comparing(FieldError::getField))
                .map(ApiErrorHandler::describe).distinct().collect(Collectors.joining("; "));
        if (detail.isEmpty()) {
            detail = e.getBindingResult().getAllErrors().stream().map(ObjectError::getDefaultMessage)
                    .collect(Collectors.joining("; "));
        }
        return detail(HttpStatus.BAD_REQUEST, detail);
    }

    /** Constraints on single parameters (method validation). */
    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<Object> invalidParameter(HandlerMethodValidationException e) {
        String detail = e.getParameterValidationResults().stream().flatMap(result -> result.getResolvableErrors()
                        .stream().map(error -> "'" + result.getMethodParameter().getParameterName() + "' "
                                + error.getDefaultMessage()))
                .collect(Collectors.joining("; "));
        return detail(HttpStatus.BAD_REQUEST, detail);
    }

    private static String describe(FieldError error) {
        String field = SNAKE.translate(error.getField());
        if (error.isBindingFailure()) {
            Object value = error.getRejectedValue();
            String text = value == null ? "" : value.toString();
            String shown = "'" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'";
            return switch (error.getCode() == null ? "" : error.getCode()) {
                case "typeMismatch" -> error.contains(TypeMismatchException.class)
                        && isBoolean(error.unwrap(TypeMismatchException.class).getRequiredType())
                        ? "'" + field + "' must be true or false, got " + shown
                        : "'" + field + "' must be a whole number written with digits only (no spaces, hex or"
                        + " decimals), got " + shown;
                default -> "Invalid value for '" + field + "'";
            };
        }
        return "'" + field + "' " + error.getDefaultMessage();
    }

    private static boolean isBoolean(Class<?> type) {
        return type == boolean.class || type == Boolean.class;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Object> unreadable(HttpMessageNotReadableException e) {
        return detail(HttpStatus.BAD_REQUEST, "Malformed request body: expected a JSON object");
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> multipart(MultipartException e) {
        if (causedBy(e, "Header section has more than")) {
            return detail(HttpStatus.BAD_REQUEST, "A form part's headers are too long: the file name is limited to "
                    + FieldLimits.FILE_NAME + " characters");
        }
        return detail(HttpStatus.BAD_REQUEST, "Malformed multipart request: the form could not be read");
    }

    /**
     * Whether Tomcat's words for a limit other than the file size are behind a multipart failure: its cap on form
     * fields besides files ({@code maxPostSize}) or on a part's headers, where an overlong file name ends up.
     */
    private static boolean causedBy(Throwable e, String words) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains(words)) {
                return true;
            }
        }
        return false;
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Object> mediaType(HttpMediaTypeNotSupportedException e) {
        return detail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported content type: " + e.getContentType());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Object> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return detail(HttpStatus.NOT_ACCEPTABLE, "Not acceptable: " + e.getMessage());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Object> method(HttpRequestMethodNotSupportedException e) {
        return detail(HttpStatus.METHOD_NOT_ALLOWED, "Method " + e.getMethod() + " not allowed");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Object> noRoute(NoResourceFoundException e) {
        return detail(HttpStatus.NOT_FOUND, "Not Found");
    }

    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void clientGone(AsyncRequestNotUsableException e) {
        // the client went away while a stream was being written; there is no one left to answer
    }

    @ExceptionHandler({ObjectStore.ObjectStoreException.class, DataAccessResourceFailureException.class})
    ResponseEntity<Object> storageDown(RuntimeException e) {
        log.warn("storage unavailable: {}", e.getMessage());
        return detail(HttpStatus.SERVICE_UNAVAILABLE, "Storage is temporarily unavailable; try again shortly");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("unexpected error", e);
        return detail(HttpStatus.INTERNAL_SERVER_ERROR, "Internal server error");
    }

    private static ResponseEntity<Object> detail(HttpStatus status, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(new ApiError(detail));
    }
}
