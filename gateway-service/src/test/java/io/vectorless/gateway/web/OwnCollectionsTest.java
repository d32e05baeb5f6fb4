package io.vectorless.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.vectorless.gateway.support.FakeIndexer;
import io.vectorless.gateway.support.FakeQueryService;
import io.vectorless.gateway.support.GatewayTestBase;
import io.vectorless.gateway.support.Http;
import io.vectorless.schema.store.StoreNames;
import io.vectorless.schema.store.StoredNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway keeps to its own collections: the tree comes from the indexer over HTTP, and the workspace checks and
 * model list that query-service used to read from the gateway's collections are answered here.
 */
class OwnCollectionsTest extends GatewayTestBase {

    @Test
    void modelsAndWorkspaceChecksAreAnsweredHereSoQueryServiceNeedsNoCopyOfTheWorkspaces() {
        String name = unique("Handbooks");
        long ws = http.postJson("/api/workspaces", Map.of("name", name)).json().get("id").asLong();
        FakeQueryService fake = FakeQueryService.shared();
        fake.handle(exchange -> FakeQueryService.json(exchange, "{\"answer\":\"ok\"}"));

        JsonNode list = http.get("/v1/models").json();
        Http.Response one = http.get("/v1/models/pageindex-ws-" + ws);
        Http.Response unknown = http.get("/v1/models/pageindex-ws-987654321000");
        Http.Response notAModel = http.get("/v1/models/gpt-4o");
        Http.Response askUnknown = http.postJson("/api/chat/query", Map.of("workspace_id", 987_654_321_000L,
                "query", "anything"));
        Http.Response completeUnknown = http.postJson("/v1/chat/completions", Map.of("model",
                "pageindex-ws-987654321000", "messages", List.of(Map.of("role", "user", "content", "hi"))));

        assertThat(list.get("object").asText()).isEqualTo("list");
        assertThat(list.get("data").findValuesAsText("id")).contains("pageindex-ws-" + ws);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().get("object").asText()).isEqualTo("model");
        assertThat(one.json().get("name").asText()).isEqualTo(name);
        assertThat(one.json().get("owned_by").asText()).isEqualTo("pageindex");
        assertThat(one.json().get("created").asLong()).isPositive();
        for (Http.Response missing : List.of(unknown, notAModel, completeUnknown)) {
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.json().get("error").get("code").asText()).isEqualTo("model_not_found");
            assertThat(missing.json().get("error").get("type").asText()).isEqualTo("invalid_request_error");
        }
        assertThat(askUnknown.status()).isEqualTo(404);
        assertThat(askUnknown.json().get("detail").asText()).isEqualTo("Workspace 987654321000 not found");
        assertThat(fake.seen()).isEmpty();
    }

    @Test
    void touchesOnlyItsOwnCollectionsAndNeverTheNodes() {
        long ws = workspace();
        long id = uploadText(ws, 300).get("id").asLong();
        FakeIndexer.shared().save(new StoredNode(StoredNode.idOf(id, 1, "root"), id, 1, ws, "root", null, 0, 0,
                "Root", "All of it", 1, 1, "Text", List.of(), List.of(), 1));
        indexed(id, 1, ws, 300);
        awaitDocument(id, d -> d.get("status").asText().equals("indexed"));

        assertThat(http.get("/api/documents/" + id + "/tree").status()).isEqualTo(200);
        assertThat(http.get("/api/documents/" + id + "/tree/root").status()).isEqualTo(200);

        assertThat(TOUCHED.all()).contains(StoreNames.DOCUMENTS, StoreNames.WORKSPACES)
                .doesNotContain(StoreNames.NODES, StoreNames.SEARCH_INDEXES, StoreNames.ANSWERABLE_DOCUMENTS)
                .allMatch(name -> StoreNames.mayTouch(StoreNames.GATEWAY, name), "the gateway's own");
        assertThat(TOUCHED.written()).allMatch(name -> StoreNames.mayWrite(StoreNames.GATEWAY, name), "its own");
    }
}
