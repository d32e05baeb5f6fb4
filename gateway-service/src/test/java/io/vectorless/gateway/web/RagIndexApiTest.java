package io.vectorless.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.vectorless.gateway.support.GatewayTestBase;
import io.vectorless.gateway.support.Http;
import io.vectorless.schema.event.DocumentStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RagIndexApiTest extends GatewayTestBase {
    private static final String BATCH = "/v1/voiceai/knowledge-base/rag-index";
    private static final String CONVAI_BATCH = "/v1/convai/knowledge-base/rag-index";

    private static Map<String, Object> item(Object documentId, Object create, Object model) {
        return Map.of("document_id", documentId, "create_if_missing", create, "model", model);
    }

    private Http.Response batch(Object... items) {
        return http.postJson(BATCH, Map.of("items", List.of(items)));
    }

    private JsonNode awaitIndex(String path, long docId, String status) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            last[0] = http.postJson(path, Map.of("items", List.of(item(Long.toString(docId), false,
                    "e5_mistral_7b_instruct")))).json().get(Long.toString(docId));
            return last[0].has("data") && last[0].get("data").get("status").asText().equals(status);
        });
        return last[0].get("data");
    }

    @Test
    void createsAnIndexOnceAndReturnsTheSameOneAgain() {
        long ws = workspace();
        String docId = uploadText(ws, 2000).get("id").asText();

        Http.Response first = batch(item(docId, true, "e5_mistral_7b_instruct"));
        Http.Response again = http.postJson(CONVAI_BATCH,
                Map.of("items", List.of(item(docId, true, "e5_mistral_7b_instruct"))));

        assertThat(first.status()).isEqualTo(200);
        JsonNode entry = first.json().get(docId);
        assertThat(entry.get("status").asText()).isEqualTo("success");
        JsonNode data = entry.get("data");
        assertThat(data.get("id").asText()).isNotBlank();
        assertThat(data.get("model").asText()).isEqualTo("e5_mistral_7b_instruct");
        assertThat(data.get("status").asText()).isEqualTo("created");
        assertThat(data.get("progress_percentage").isDouble()).isTrue();
        assertThat(data.get("document_model_index_usage").get("used_bytes").asLong()).isZero();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get(docId).get("data").get("id").asText()).isEqualTo(data.get("id").asText());
    }

    @Test
    void indexFollowsTheDocumentThroughThePipeline() {
        long ws = workspace();
        long id = uploadText(ws, 2000).get("id").asLong();
        batch(item(Long.toString(id), true, "e5_mistral_7b_instruct"));

        status(id, 1, ws, DocumentStatus.SUMMARIZING, 42.5);
        JsonNode processing = awaitIndex(BATCH, id, "processing");
        assertThat(processing.get("progress_percentage").asDouble()).isEqualTo(42.5);

        indexed(id, 1, ws, 1800);
        JsonNode succeeded = awaitIndex(CONVAI_BATCH, id, "succeeded");
        assertThat(succeeded.get("progress_percentage").asDouble()).isEqualTo(100.0);
        assertThat(succeeded.get("document_model_index_usage").get("used_bytes").asLong()).isEqualTo(4096);

        JsonNode listed = http.get("/v1/voiceai/knowledge-base/" + id + "/rag-index").json();
        assertThat(listed.get("indexes")).hasSize(1);
        assertThat(listed.get("indexes").get(0).get("status").asText()).isEqualTo("succeeded");
        JsonNode usage = http.get(BATCH + "?workspace_id=" + ws).json();
        assertThat(usage.get("total_used_bytes").asLong()).isEqualTo(4096);
        assertThat(usage.get("total_max_bytes").asLong()).isEqualTo(100000);
        assertThat(usage.get("models")).anyMatch(m -> m.get("model").asText().equals("e5_mistral_7b_instruct")
                && m.get("used_bytes").asLong() == 4096);
    }

    @Test
    void smallAndFailedDocumentsReportTheirOwnStatuses() {
        long ws = workspace();
        long small = uploadText(ws, 700).get("id").asLong();
        long broken = uploadText(ws, 700).get("id").asLong();
        batch(item(Long.toString(small), true, "e5_mistral_7b_instruct"),
                item(Long.toString(broken), true, "e5_mistral_7b_instruct"));

        indexed(small, 1, ws, 120);
        failed(broken, 1, ws, "corrupt file");

        awaitIndex(BATCH, small, "document_too_small");
        awaitIndex(BATCH, broken, "failed");
    }

    @Test
    void foldersCannotBeIndexed() {
        JsonNode entry = batch(item("folder:contracts", true, "gemini-embedding-001")).json().get("folder:contracts");

        assertThat(entry.get("status").asText()).isEqualTo("success");
        assertThat(entry.get("data").get("status").asText()).isEqualTo("cannot_index_folder");
    }

    @Test
    void workspaceOverItsByteCapGetsRagLimitExceeded() {
        long ws = workspace();
        String first = uploadText(ws, 60_000).get("id").asText();
        String second = uploadText(ws, 60_000).get("id").asText();

        JsonNode response = batch(item(first, true, "multilingual_e5_large_instruct"),
                item(second, true, "multilingual_e5_large_instruct")).json();

        assertThat(response.get(first).get("data").get("status").asText()).isEqualTo("created");
        assertThat(response.get(second).get("data").get("status").asText()).isEqualTo("rag_limit_exceeded");
    }

    @Test
    void unknownDocumentsAndMissingIndexesAreFailureItems() {
        long ws = workspace();
        String docId = uploadText(ws, 1000).get("id").asText();

        JsonNode response = batch(item("424242424", true, "e5_mistral_7b_instruct"),
                item(docId, false, "gemini-embedding-001"), item("not-a-number", true, "gemini-embedding-001")).json();

        for (String key : List.of("424242424", docId, "not-a-number")) {
            JsonNode failure = response.get(key);
            assertThat(failure.get("status").asText()).isEqualTo("failure");
            assertThat(failure.get("error_code").asInt()).isEqualTo(404);
            assertThat(failure.get("error_status").asText()).isEqualTo("not_found");
            assertThat(failure.get("error_message").asText()).isNotBlank();
        }
    }

    @Test
    void deletesOneIndex() {
        long ws = workspace();
        String docId = uploadText(ws, 1000).get("id").asText();
        String indexId = batch(item(docId, true, "gemini-embedding-001")).json().get(docId).get("data").get("id")
                .asText();

        Http.Response deleted = http.delete("/v1/convai/knowledge-base/" + docId + "/rag-index/" + indexId);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("id").asText()).isEqualTo(indexId);
        assertThat(http.get("/v1/convai/knowledge-base/" + docId + "/rag-index").json().get("indexes")).isEmpty();
        assertThat(http.delete("/v1/convai/knowledge-base/" + docId + "/rag-index/" + indexId).status())
                .isEqualTo(404);
        assertThat(http.get("/v1/convai/knowledge-base/987654/rag-index").status()).isEqualTo(404);
    }

    @Test
    void emptyAndOversizedBatchesAre422InFastApiShape() {
        Http.Response empty = http.postJson(BATCH, Map.of("items", List.of()));
        List<Object> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add(item("1", true, "e5_mistral_7b_instruct"));
        }
        Http.Response tooMany = http.postJson(BATCH, Map.of("items", many));

        assertThat(empty.status()).isEqualTo(422);
        JsonNode shortIssue = empty.json().get("detail").get(0);
        assertThat(shortIssue.get("type").asText()).isEqualTo("too_short");
        assertThat(shortIssue.get("loc").toString()).isEqualTo("[\"body\",\"items\"]");
        assertThat(shortIssue.get("msg").asText()).isEqualTo("List should have at least 1 item after validation, not 0");
        assertThat(shortIssue.get("ctx").toString())
                .isEqualTo("{\"field_type\":\"List\",\"min_length\":1,\"actual_length\":0}");
        assertThat(tooMany.status()).isEqualTo(422);
        JsonNode longIssue = tooMany.json().get("detail").get(0);
        assertThat(longIssue.get("type").asText()).isEqualTo("too_long");
        assertThat(longIssue.get("msg").asText())
                .isEqualTo("List should have at most 100 items after validation, not 101");
        assertThat(longIssue.get("ctx").get("max_length").asInt()).isEqualTo(100);
    }

    @Test
    void badItemsAre422WithPydanticTypesAndLocations() {
        Http.Response response = http.postJson(BATCH, Map.of("items", List.of(
                Map.of("document_id", "1", "create_if_missing", true),
                item("1", true, "ada-002"),
                item(5, "maybe", "e5_mistral_7b_instruct"))));

        assertThat(response.status()).isEqualTo(422);
        JsonNode detail = response.json().get("detail");
        assertThat(detail).hasSize(4);
        assertThat(detail.get(0).get("type").asText()).isEqualTo("missing");
        assertThat(detail.get(0).get("loc").toString()).isEqualTo("[\"body\",\"items\",0,\"model\"]");
        assertThat(detail.get(0).get("msg").asText()).isEqualTo("Field required");
        assertThat(detail.get(0).get("input").get("document_id").asText()).isEqualTo("1");
        assertThat(detail.get(1).get("type").asText()).isEqualTo("enum");
        assertThat(detail.get(1).get("msg").asText()).isEqualTo("Input should be 'e5_mistral_7b_instruct', "
                + "'multilingual_e5_large_instruct' or 'gemini-embedding-001'");
        assertThat(detail.get(1).get("input").asText()).isEqualTo("ada-002");
        assertThat(detail.get(1).get("ctx").get("expected").asText()).contains("'gemini-embedding-001'");
        assertThat(detail.get(2).get("type").asText()).isEqualTo("string_type");
        assertThat(detail.get(2).get("loc").toString()).isEqualTo("[\"body\",\"items\",2,\"document_id\"]");
        assertThat(detail.get(3).get("type").asText()).isEqualTo("bool_parsing");
        assertThat(detail.get(3).get("msg").asText())
                .isEqualTo("Input should be a valid boolean, unable to interpret input");
    }

    @Test
    void malformedOrMissingBodiesAre422() {
        Http.Response malformed = http.postJson(BATCH, "{\"items\": [");
        Http.Response noItems = http.postJson(BATCH, Map.of("other", 1));
        Http.Response noBody = http.post(BATCH);

        assertThat(malformed.status()).isEqualTo(422);
        assertThat(malformed.json().get("detail").get(0).get("type").asText()).isEqualTo("json_invalid");
        assertThat(noItems.status()).isEqualTo(422);
        assertThat(noItems.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"body\",\"items\"]");
        assertThat(noBody.status()).isEqualTo(422);
        assertThat(noBody.json().get("detail").get(0).get("type").asText()).isEqualTo("missing");
    }

    @Test
    void batchWithoutKeyIs401() {
        Http.Response response = http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + BATCH))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"items\":[]}")));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("detail").asText()).isNotBlank();
    }
}
