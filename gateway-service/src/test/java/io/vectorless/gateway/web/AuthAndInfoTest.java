package io.vectorless.gateway.web;

import io.vectorless.gateway.support.GatewayTestBase;
import io.vectorless.gateway.support.Http;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

class AuthAndInfoTest extends GatewayTestBase {

    private Http.Response unauthenticated(String path, String header, String value) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (header != null) {
            request.header(header, value);
        }
        return http.send(request);
    }

    @Test
    void healthAndInfoAreOpen() {
        Http.Response health = unauthenticated("/health", null, null);
        Http.Response info = unauthenticated("/", null, null);

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("healthy");
        assertThat(info.status()).isEqualTo(200);
        assertThat(info.json().get("name").asText()).isEqualTo("Vectorless RAG Backend");
        assertThat(info.json().get("version").asText()).isEqualTo("1.1.0");
    }

    @Test
    void managementApiWithoutKeyIs401WithDetail() {
        Http.Response missing = unauthenticated("/api/workspaces", null, null);
        Http.Response wrong = unauthenticated("/api/workspaces", "Authorization", "Bearer nope");

        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.json().get("detail").asText()).isNotBlank();
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("detail").asText()).isEqualTo("Invalid API key");
    }

    @Test
    void acceptsEveryKeyHeader() {
        assertThat(unauthenticated("/api/workspaces", "x-api-key", Http.KEY).status()).isEqualTo(200);
        assertThat(unauthenticated("/api/workspaces", "xi-api-key", Http.KEY).status()).isEqualTo(200);
        assertThat(unauthenticated("/api/workspaces", "Authorization", "Bearer " + Http.KEY).status()).isEqualTo(200);
    }

    @Test
    void openAiPathsWithoutKeyCarryAnErrorObject() {
        Http.Response models = unauthenticated("/v1/models", null, null);

        assertThat(models.status()).isEqualTo(401);
        assertThat(models.json().get("detail").asText()).isNotBlank();
        assertThat(models.json().get("error").get("message").asText()).isNotBlank();
    }

    @Test
    void corsPreflightPassesWithoutKey() {
        Http.Response preflight = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/v1/chat/completions"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://chat.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type"));

        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.raw().headers().firstValue("Access-Control-Allow-Origin")).isPresent();
    }
}
