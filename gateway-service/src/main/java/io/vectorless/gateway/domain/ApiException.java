package io.vectorless.gateway.domain;

/** A failure the client caused or can act on; the status goes out as is with {@code {"detail": message}}. */
public class ApiException extends RuntimeException {
    private final int status;

    public ApiException(int status, String detail) {
        super(detail);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(400, detail);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, detail);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(409, detail);
    }

    public static ApiException unavailable(String detail) {
        return new ApiException(503, detail);
    }
}
