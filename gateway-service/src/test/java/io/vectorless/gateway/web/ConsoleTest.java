package io.vectorless.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.vectorless.gateway.support.GatewayTestBase;
import io.vectorless.gateway.support.Http;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The web console and Swagger UI are served without a key; a browser at / is sent to the console, API clients not. */
class ConsoleTest extends GatewayTestBase {
    private static final String BROWSER_ACCEPT =
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    private Http.Response open(String path, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request);
    }

    @Test
    void aBrowserAtTheRootIsRedirectedToTheConsole() {
        Http.Response browser = open("/", BROWSER_ACCEPT);

        assertThat(browser.status()).isEqualTo(302);
        assertThat(browser.raw().headers().firstValue("Location")).hasValue("/ui/");
    }

    @Test
    void apiClientsAtTheRootStillGetTheServiceInfo() {
        for (String accept : new String[]{null, "*/*", "application/json", "application/json, text/plain, */*"}) {
            Http.Response info = open("/", accept);
            assertThat(info.status()).as("Accept: " + accept).isEqualTo(200);
            assertThat(info.json().get("name").asText()).isEqualTo("Vectorless RAG Backend");
        }
    }

    @Test
    void theConsoleAndItsFilesAreServedWithoutAKey() {
        Http.Response page = open("/ui/", BROWSER_ACCEPT);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("<script type=\"module\" src=\"app.js\">");
        assertThat(open("/ui", BROWSER_ACCEPT).status()).isEqualTo(302);

        List<String> scripts = new ArrayList<>(List.of("app.js", "api.js", "dom.js", "status.js", "app.css",
                "views/key.js", "views/workspaces.js", "views/workspace.js", "views/document.js", "views/chat.js",
                "views/common.js", "views/structure.js"));
        for (String file : scripts) {
            Http.Response served = open("/ui/" + file, "*/*");
            assertThat(served.status()).as(file).isEqualTo(200);
            assertThat(served.body()).as(file).isNotBlank();
        }
        // every test hook a browser test relies on is in the console's code
        String code = String.join("\n", scripts.stream().map(f -> open("/ui/" + f, "*/*").body()).toList());
        for (String hook : List.of("key-input", "key-save", "workspace-name", "workspace-create", "workspace-link",
                "upload-input", "document-row", "document-link", "tree", "tree-node", "node-text", "chat-input",
                "chat-send", "chat-answer", "chat-citation")) {
            assertThat(code).as(hook).contains("'data-testid': '" + hook + "'");
        }
    }

    @Test
    void swaggerUiIsServedWithoutAKeyAndTheApiStaysClosed() {
        Http.Response ui = open("/swagger-ui", BROWSER_ACCEPT);
        assertThat(ui.status()).isEqualTo(302);
        String location = ui.raw().headers().firstValue("Location").orElseThrow();
        Http.Response index = open(URI.create(location).getPath(), BROWSER_ACCEPT);
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.body()).containsIgnoringCase("swagger");
        Http.Response config = open("/v3/api-docs/swagger-config", "application/json");
        assertThat(config.status()).isEqualTo(200);

        assertThat(open("/api/workspaces", "application/json").status()).isEqualTo(401);
        assertThat(open("/ui-not-the-console", BROWSER_ACCEPT).status()).isEqualTo(401);
    }

    @Test
    void theOpenApiDocumentCarriesTheApiTitleAndVersion() {
        JsonNode info = http.get("/v3/api-docs").json().get("info");

        assertThat(info.get("title").asText()).isEqualTo("Vectorless RAG Backend");
        assertThat(info.get("version").asText()).isEqualTo("1.1.0");
    }
}
