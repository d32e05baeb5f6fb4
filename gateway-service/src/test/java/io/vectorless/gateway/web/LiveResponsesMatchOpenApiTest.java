package io.vectorless.gateway.web;

import io.vectorless.gateway.support.FakeIndexer;
import com.fasterxml.jackson.databind.JsonNode;
import io.vectorless.gateway.support.GatewayTestBase;
import io.vectorless.gateway.support.Http;
import io.vectorless.gateway.support.SchemaCoverage;
import io.vectorless.schema.store.StoreNames;
import io.vectorless.schema.store.StoredNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the running gateway answers, checked against what its own {@code /v3/api-docs} says it answers: every
 * endpoint of the management, tree, key and RAG-index APIs, in success and in error, strictly (nulls only where
 * documented nullable, required fields present, enum values known). A schema that drifts from its record fails here.
 */
class LiveResponsesMatchOpenApiTest extends GatewayTestBase {
    @Autowired
    MongoTemplate mongo;

    private final List<String> checked = new ArrayList<>();

    @Test
    void everyAnswerMatchesTheSchemaDocumentedForItsStatus() {
        JsonNode docs = http.get("/v3/api-docs").json();
        SchemaCoverage coverage = new SchemaCoverage(docs);

        check(docs, coverage, "get", "/health", http.get("/health"));
        check(docs, coverage, "get", "/", http.get("/"));

        Http.Response workspace = http.postJson("/api/workspaces", Map.of("name", unique("ws")));
        long ws = workspace.json().get("id").asLong();
        check(docs, coverage, "post", "/api/workspaces", workspace);
        check(docs, coverage, "get", "/api/workspaces", http.get("/api/workspaces"));
        check(docs, coverage, "patch", "/api/workspaces/{workspace_id}",
                http.patchJson("/api/workspaces/" + ws, Map.of("description", "renamed")));
        check(docs, coverage, "post", "/api/workspaces", http.postJson("/api/workspaces", Map.of("name", "")));

        String text = unique("live") + " Lorem ipsum dolor sit amet. ".repeat(40);
        Http.Response uploaded = http.upload(ws, unique("f") + ".txt", text);
        long doc = uploaded.json().get("id").asLong();
        check(docs, coverage, "post", "/api/documents/upload", uploaded);
        check(docs, coverage, "post", "/api/documents/upload", http.upload(ws, unique("g") + ".txt", text));
        check(docs, coverage, "get", "/api/documents/{doc_id}", http.get("/api/documents/" + doc));
        check(docs, coverage, "get", "/api/documents", http.get("/api/documents?workspace_id=" + ws));
        check(docs, coverage, "patch", "/api/documents/{doc_id}",
                http.patchJson("/api/documents/" + doc, Map.of("doc_title", "Live title")));
        check(docs, coverage, "get", "/api/documents/{doc_id}/tree", http.get("/api/documents/" + doc + "/tree"));

        writeTree(doc, ws);
        indexed(doc, 1, ws, text.length());
        awaitDocument(doc, d -> d.get("status").asText().equals("indexed"));
        check(docs, coverage, "get", "/api/documents/{doc_id}", http.get("/api/documents/" + doc));
        check(docs, coverage, "get", "/api/documents/{doc_id}/tree", http.get("/api/documents/" + doc + "/tree"));
        check(docs, coverage, "get", "/api/documents/{doc_id}/tree/{node_id}",
                http.get("/api/documents/" + doc + "/tree/1"));
        check(docs, coverage, "get", "/api/documents/{doc_id}/tree/{node_id}",
                http.get("/api/documents/" + doc + "/tree/9.9"));

        String batch = "/v1/voiceai/knowledge-base/rag-index";
        check(docs, coverage, "post", batch, http.postJson(batch, Map.of("items", List.of(
                Map.of("document_id", String.valueOf(doc), "create_if_missing", true,
                        "model", "e5_mistral_7b_instruct"),
                Map.of("document_id", "987654321", "create_if_missing", true, "model", "e5_mistral_7b_instruct"),
                Map.of("document_id", "folder:x", "create_if_missing", true, "model", "gemini-embedding-001")))));
        check(docs, coverage, "post", batch, http.postJson(batch, Map.of("items", List.of(Map.of("model", 1)))));
        check(docs, coverage, "get", batch, http.get(batch));
        Http.Response indexes = http.get("/v1/voiceai/knowledge-base/" + doc + "/rag-index");
        check(docs, coverage, "get", "/v1/voiceai/knowledge-base/{document_id}/rag-index", indexes);
        check(docs, coverage, "delete", "/v1/voiceai/knowledge-base/{document_id}/rag-index/{rag_index_id}",
                http.delete("/v1/voiceai/knowledge-base/" + doc + "/rag-index/"
                        + indexes.json().get("indexes").get(0).get("id").asText()));

        Http.Response key = http.postJson("/api/keys", Map.of("username", unique("user"), "name", "laptop"));
        check(docs, coverage, "post", "/api/keys", key);
        check(docs, coverage, "get", "/api/keys", http.get("/api/keys"));
        check(docs, coverage, "delete", "/api/keys/{key_id}", http.delete("/api/keys/" + key.json().get("id").asText()));

        check(docs, coverage, "post", "/api/documents/{doc_id}/reindex", http.post("/api/documents/" + doc + "/reindex"));
        check(docs, coverage, "delete", "/api/documents/{doc_id}", http.delete("/api/documents/" + doc));
        check(docs, coverage, "get", "/api/documents/{doc_id}", http.get("/api/documents/" + doc));
        check(docs, coverage, "delete", "/api/workspaces/{workspace_id}", http.delete("/api/workspaces/" + ws));

        assertThat(checked).contains("post /api/workspaces 201", "post /api/workspaces 400",
                "post /api/documents/upload 200", "get /api/documents/{doc_id}/tree 409",
                "get /api/documents/{doc_id}/tree/{node_id} 404", "post " + batch + " 422");
        assertThat(coverage.gaps()).isEmpty();
    }

    private void check(JsonNode docs, SchemaCoverage coverage, String method, String path, Http.Response answer) {
        String where = method + " " + path + " " + answer.status();
        checked.add(where);
        JsonNode responses = docs.path("paths").path(path).path(method).path("responses");
        assertThat(responses.isMissingNode()).as(method + " " + path + " is documented").isFalse();
        JsonNode response = responses.has(String.valueOf(answer.status()))
                ? responses.get(String.valueOf(answer.status())) : responses.path("default");
        JsonNode schema = jsonSchema(response.path("content"));
        if (schema == null) {
            coverage.gaps().add(where + " has no documented JSON body");
        } else {
            coverage.response(answer.json(), schema, where);
        }
    }

    /** The JSON schema among an answer's media types (any-type where the controller does not name one). */
    private static JsonNode jsonSchema(JsonNode content) {
        for (Iterator<String> types = content.fieldNames(); types.hasNext(); ) {
            String type = types.next();
            if (type.contains("json") || type.equals("*/*")) {
                return content.get(type).path("schema");
            }
        }
        return null;
    }

    private void writeTree(long doc, long ws) {
        List<StoredNode> nodes = List.of(
                new StoredNode(StoredNode.idOf(doc, 1, "root"), doc, 1, ws, "root", null, 0, 0, "Root", null, 1, 2,
                        "", List.of(), List.of("1"), 0),
                new StoredNode(StoredNode.idOf(doc, 1, "1"), doc, 1, ws, "1", "root", 1, 1, "Part", "About it", 1, 2,
                        "Text of the part", List.of(), List.of(), 5));
        FakeIndexer.shared().save(nodes);
    }
}
