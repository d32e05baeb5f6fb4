package io.vectorless.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** A plain HTTP client of the gateway, as an app would call it: for the end-to-end tests and the benchmarks. */
public final class GatewayClient {
    public static final String KEY = "pageindex-secret-key";
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Response(int status, JsonNode body, String raw) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String key;
    private final String username;

    public GatewayClient(String base) {
        this(base, KEY, "default");
    }

    /** A client that calls with {@code key} and uploads as {@code username} (a user's own key, say). */
    public GatewayClient(String base, String key, String username) {
        this.base = base;
        this.key = key;
        this.username = username;
    }

    public Response get(String path) {
        return send(request(path).GET().build());
    }

    public Response post(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body))).build());
    }

    public Response patch(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(write(body))).build());
    }

    /** A new version of document {@code id}. */
    public Response replace(long id, String fileName, byte[] content, boolean quickIndex) {
        String boundary = "----vectorless" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        field(body, boundary, "username", username);
        field(body, boundary, "quick_index", Boolean.toString(quickIndex));
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        body.writeBytes(content);
        write(body, "\r\n--" + boundary + "--\r\n");
        return send(request("/api/documents/" + id + "/replace")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    public Response upload(long workspaceId, String fileName, byte[] content, boolean quickIndex) {
        String boundary = "----vectorless" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        field(body, boundary, "workspace_id", Long.toString(workspaceId));
        field(body, boundary, "username", username);
        field(body, boundary, "quick_index", Boolean.toString(quickIndex));
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        body.writeBytes(content);
        write(body, "\r\n--" + boundary + "--\r\n");
        return send(request("/api/documents/upload").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    public long createWorkspace(String name) {
        Response created = post("/api/workspaces", Map.of("name", name, "description", "end-to-end", "owner_username", "default"));
        if (created.status() != 201) {
            throw new IllegalStateException("workspace not created: " + created.status() + " " + created.raw());
        }
        return created.body().path("id").asLong();
    }

    public long createWorkspaceOwnedBy(String name, String owner) {
        Response created = post("/api/workspaces", Map.of("name", name, "owner_username", owner));
        if (created.status() != 201) {
            throw new IllegalStateException("workspace not created: " + created.status() + " " + created.raw());
        }
        return created.body().path("id").asLong();
    }

    public JsonNode document(long id) {
        return get("/api/documents/" + id).body();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + key);
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body;
            try {
                body = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
            } catch (IOException notJson) {
                body = JSON.nullNode();
            }
            return new Response(response.statusCode(), body, response.body());
        } catch (IOException e) {
            throw new IllegalStateException("gateway unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void field(ByteArrayOutputStream body, String boundary, String name, String value) {
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
