package io.vectorless.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.vectorless.gateway.support.GatewayTestBase;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiContractTest extends GatewayTestBase {
    /** Every path and method of both specification documents. */
    private static final Map<String, List<String>> SPEC = Map.ofEntries(
            Map.entry("/v1/models", List.of("get")),
            Map.entry("/v1/chat/completions", List.of("post")),
            Map.entry("/api/workspaces", List.of("get", "post")),
            Map.entry("/api/workspaces/{}", List.of("patch", "delete")),
            Map.entry("/api/documents/upload", List.of("post")),
            Map.entry("/api/documents", List.of("get")),
            Map.entry("/api/documents/{}", List.of("get", "patch", "delete")),
            Map.entry("/api/documents/{}/replace", List.of("post")),
            Map.entry("/api/documents/{}/tree", List.of("get")),
            Map.entry("/api/documents/{}/tree/{}", List.of("get")),
            Map.entry("/api/chat/query", List.of("post")),
            Map.entry("/health", List.of("get")),
            Map.entry("/", List.of("get")),
            Map.entry("/v1/voiceai/knowledge-base/rag-index", List.of("post")));

    @Test
    void apiDocsListEveryPathOfTheSpecification() {
        JsonNode paths = http.get("/v3/api-docs").json().get("paths");
        Map<String, JsonNode> normalized = new java.util.HashMap<>();
        paths.fields().forEachRemaining(e -> normalized.put(e.getKey().replaceAll("\\{[^}]+}", "{}"), e.getValue()));

        List<String> missing = new ArrayList<>();
        SPEC.forEach((path, methods) -> {
            JsonNode operations = normalized.get(path);
            for (String method : methods) {
                if (operations == null || !operations.has(method)) {
                    missing.add(method.toUpperCase() + " " + path);
                }
            }
        });
        assertThat(missing).isEmpty();
    }

    @Test
    void apiDocsDescribeTheBatchRequestBody() {
        JsonNode docs = http.get("/v3/api-docs").json();
        JsonNode body = docs.at("/paths/~1v1~1voiceai~1knowledge-base~1rag-index/post/requestBody/content");

        assertThat(body.toString()).contains("RAGIndexBatchRequestModel");
        JsonNode item = docs.at("/components/schemas/GetOrCreateRAGIndexRequestModel/properties");
        assertThat(item.has("document_id")).isTrue();
        assertThat(item.get("model").get("enum")).hasSize(3);
    }
}
