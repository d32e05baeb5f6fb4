package io.vectorless.gateway.web;

import io.vectorless.gateway.support.GatewayTestBase;
import io.vectorless.gateway.support.Http;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Strict integers, length limits answered 400 with what is too long, and no HTML error page from anyone. */
class InputLimitsApiTest extends GatewayTestBase {

    @Test
    void integersAreDigitsOnly() {
        long ws = workspace();
        for (String bad : new String[]{"0x1", "%201", "1.0", "1e0", "+1%20"}) {
            Http.Response list = http.get("/api/documents?workspace_id=" + bad);
            assertThat(list.status()).as(bad).isEqualTo(400);
            assertThat(list.json().get("detail").asText()).contains("workspace_id").contains("digits");
        }
        assertThat(http.get("/api/documents?workspace_id=" + ws).status()).isEqualTo(200);
        assertThat(http.get("/api/documents/0x1").status()).isEqualTo(400);
        assertThat(http.upload(0, "a.txt", "x").status()).isEqualTo(404);
        Map<String, Object> hex = new LinkedHashMap<>();
        hex.put("file", Http.FilePart.of("a.txt", "text"));
        hex.put("workspace_id", "0x" + ws);
        hex.put("username", "alice");
        assertThat(http.multipart("/api/documents/upload", hex).status()).isEqualTo(400);
        Http.Response chat = http.postJson("/api/chat/query", Map.of("workspace_id", 1.0, "query", "q"));
        assertThat(chat.status()).isEqualTo(400);
        assertThat(chat.json().get("detail").asText()).contains("workspace_id");
        assertThat(http.get("/v1/voiceai/knowledge-base/rag-index?workspace_id=%201").status()).isEqualTo(400);
    }

    /** The workspace fields' limits are checked on the web layer alone (WorkspaceHttpContractTest). */
    @Test
    void overlongDocumentFieldsAre400SayingWhatIsTooLong() {
        long ws = workspace();
        long doc = uploadText(ws, 100).get("id").asLong();
        Http.Response title = http.patchJson("/api/documents/" + doc, Map.of("doc_title", "t".repeat(501)));
        Http.Response fileName = http.patchJson("/api/documents/" + doc, Map.of("file_name", "f".repeat(300) + ".md"));

        assertTooLong(title, "'doc_title'");
        assertTooLong(fileName, "'file_name'");
        assertThat(title.json().get("detail").asText()).contains("501 characters");
        assertThat(http.get("/api/documents/" + doc).status()).isEqualTo(200);
    }

    @Test
    void overlongUploadFieldsAre400Not413() {
        long ws = workspace();
        Http.Response longName = http.upload(ws, "f".repeat(300) + ".txt", "some text");
        Http.Response hugeName = http.upload(ws, "f".repeat(20_000) + ".txt", "some text");
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("file", Http.FilePart.of("a.txt", "text"));
        fields.put("workspace_id", ws);
        fields.put("username", "u".repeat(500));
        Http.Response longUser = http.multipart("/api/documents/upload", fields);
        fields.put("username", "u".repeat(500_000));
        Http.Response hugeUser = http.multipart("/api/documents/upload", fields);

        assertTooLong(longName, "file name");
        assertThat(hugeName.status()).isEqualTo(400);
        assertThat(hugeName.json().get("detail").asText()).containsIgnoringCase("file name");
        assertTooLong(longUser, "'username'");
        assertThat(hugeUser.status()).isEqualTo(400);
        assertThat(hugeUser.json().get("detail").asText()).contains("too long");
    }

    private static void assertTooLong(Http.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("detail").asText()).contains(field).contains("too long");
    }

    @Test
    void errorsTheContainerAnswersAreJsonDetail() throws IOException {
        for (String target : new String[]{"/api/documents/1%2F2", "/api/documents/%00", "/api/%zz",
                "/api/documents/1%2e%2e%2f%2e%2e%2factuator", "/api/{x}", "/api/a\\b"}) {
            String raw = raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
                    + "Authorization: Bearer " + Http.KEY + "\r\nConnection: close\r\n\r\n");
            assertThat(raw).as(target).startsWith("HTTP/1.1 4");
            assertThat(raw).as(target).containsIgnoringCase("Content-Type: application/json")
                    .contains("{\"detail\":").doesNotContainIgnoringCase("<html");
        }
        Http.Response method = http.send(http.request("/api/workspaces").PUT(HttpRequest.BodyPublishers.noBody()));
        Http.Response type = http.send(http.request("/api/workspaces").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("name")));
        Http.Response html = http.send(http.request("/nowhere").header("Accept", "text/html").GET());

        assertThat(method.status()).isEqualTo(405);
        assertThat(method.json().get("detail").asText()).isNotBlank();
        assertThat(type.status()).isEqualTo(415);
        assertThat(type.json().get("detail").asText()).isNotBlank();
        assertThat(html.status()).isEqualTo(404);
        assertThat(html.json().get("detail").asText()).isEqualTo("Not Found");
    }

    @Test
    void onlyHealthAndTheConsoleFilesAreOpen() throws IOException {
        // health answers without a key (its verdict on the dependencies is another matter)
        assertThat(open("/actuator/health")).isNotEqualTo(401);
        assertThat(open("/actuator/health/liveness")).isEqualTo(200);
        assertThat(open("/v3/api-docs")).isEqualTo(200);
        assertThat(open("/actuator/prometheus")).isEqualTo(401);
        assertThat(open("/actuator/info")).isEqualTo(401);
        assertThat(open("/actuator/metrics")).isEqualTo(401);
        assertThat(open("/api/keys")).isEqualTo(401);
        String traversal = raw("GET /actuator/health/../prometheus HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");
        assertThat(traversal).doesNotStartWith("HTTP/1.1 200");
        String params = raw("GET /actuator/health;x=1/../prometheus HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");
        assertThat(params).doesNotStartWith("HTTP/1.1 200");
    }

    private int open(String path) {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET()).status();
    }

    /** A request the JDK client refuses to send: written to the socket as is. */
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
