package io.vectorless.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A small HTTP client for tests: real requests against the running gateway, JSON answers as trees. */
public final class Http {
    public static final String KEY = "pageindex-secret-key";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String key;

    public Http(int port) {
        this(port, KEY);
    }

    /** A client that sends {@code key} (a user's key, say) instead of the admin key. */
    public Http(int port, String key) {
        this.base = "http://127.0.0.1:" + port;
        this.key = key;
    }

    public record Response(int status, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        public String contentType() {
            return raw.headers().firstValue("Content-Type").orElse("");
        }
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + key);
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    public Response postJson(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(asJson(body))));
    }

    public Response patchJson(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(asJson(body))));
    }

    public Response post(String path) {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** A multipart form; a {@link FilePart} value becomes a file part. */
    public Response multipart(String path, Map<String, Object> fields) {
        String boundary = "----gw" + UUID.randomUUID();
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipartBody(boundary, fields))));
    }

    public record FilePart(String fileName, byte[] content, String contentType) {
        public static FilePart of(String fileName, String text) {
            return new FilePart(fileName, text.getBytes(StandardCharsets.UTF_8), "application/octet-stream");
        }
    }

    public Response upload(long workspaceId, String fileName, byte[] content) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("file", new FilePart(fileName, content, "application/octet-stream"));
        fields.put("workspace_id", workspaceId);
        fields.put("username", "alice");
        return multipart("/api/documents/upload", fields);
    }

    public Response upload(long workspaceId, String fileName, String content) {
        return upload(workspaceId, fileName, content.getBytes(StandardCharsets.UTF_8));
    }

    public Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static HttpClient client() {
        return CLIENT;
    }

    public static String asJson(Object body) {
        if (body instanceof String s) {
            return s;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] multipartBody(String boundary, Map<String, Object> fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            write(out, "--" + boundary + "\r\n");
            if (field.getValue() instanceof FilePart file) {
                write(out, "Content-Disposition: form-data; name=\"" + field.getKey() + "\"; filename=\""
                        + file.fileName() + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n");
                out.writeBytes(file.content());
                write(out, "\r\n");
            } else {
                write(out, "Content-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                        + field.getValue() + "\r\n");
            }
        }
        write(out, "--" + boundary + "--\r\n");
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
