package io.vectorless.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.vectorless.gateway.support.GatewayTestBase;
import io.vectorless.gateway.support.Http;
import io.vectorless.schema.event.DocumentDeleted;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class WorkspaceApiTest extends GatewayTestBase {

    @Test
    void createsWorkspaceWith201AndSpecFields() {
        Http.Response created = http.postJson("/api/workspaces",
                Map.of("name", "Research Papers", "description", "ML papers", "owner_username", "default"));

        assertThat(created.status()).isEqualTo(201);
        JsonNode ws = created.json();
        assertThat(ws.get("id").asLong()).isPositive();
        assertThat(ws.get("name").asText()).isEqualTo("Research Papers");
        assertThat(ws.get("description").asText()).isEqualTo("ML papers");
        assertThat(ws.get("owner_username").asText()).isEqualTo("default");
        assertThat(ws.get("created_at").asText()).endsWith("Z");
        assertThat(ws.get("updated_at").asText()).endsWith("Z");
    }

    @Test
    void listsWorkspacesFilteredByOwner() {
        String owner = unique("owner");
        http.postJson("/api/workspaces", Map.of("name", "mine", "owner_username", owner));
        http.postJson("/api/workspaces", Map.of("name", "theirs", "owner_username", unique("other")));

        Http.Response mine = http.get("/api/workspaces?owner_username=" + owner);
        Http.Response all = http.get("/api/workspaces");

        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json()).hasSize(1);
        assertThat(mine.json().get(0).get("name").asText()).isEqualTo("mine");
        assertThat(all.json().size()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void patchesOnlyTheGivenFields() {
        long id = workspace();

        Http.Response patched = http.patchJson("/api/workspaces/" + id, Map.of("name", "Updated Name"));

        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().get("name").asText()).isEqualTo("Updated Name");
        assertThat(patched.json().get("description").asText()).isEqualTo("test workspace");
    }

    @Test
    void unknownWorkspaceIs404WithDetail() {
        Http.Response patched = http.patchJson("/api/workspaces/999999999", Map.of("name", "x"));
        Http.Response deleted = http.delete("/api/workspaces/999999999");

        assertThat(patched.status()).isEqualTo(404);
        assertThat(patched.json().get("detail").asText()).contains("999999999");
        assertThat(deleted.status()).isEqualTo(404);
    }

    @Test
    void rejectsMissingNameAndMalformedJsonWith400() {
        Http.Response noName = http.postJson("/api/workspaces", Map.of("description", "x"));
        Http.Response malformed = http.postJson("/api/workspaces", "{not json");
        Http.Response badId = http.patchJson("/api/workspaces/abc", Map.of("name", "x"));

        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.json().get("detail").asText()).contains("name");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().has("detail")).isTrue();
        assertThat(badId.status()).isEqualTo(400);
    }

    @Test
    void deletingWorkspaceDeletesItsDocumentsAndAnnouncesEach() {
        long ws = workspace();
        long first = uploadText(ws, 800).get("id").asLong();
        long second = uploadText(ws, 900).get("id").asLong();

        Http.Response deleted = http.delete("/api/workspaces/" + ws);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("status").asText()).isEqualTo("deleted");
        assertThat(deleted.json().get("workspace_id").asLong()).isEqualTo(ws);
        assertThat(http.get("/api/documents/" + first).status()).isEqualTo(404);
        assertThat(http.get("/api/documents/" + second).status()).isEqualTo(404);
        assertThat(http.get("/api/documents?workspace_id=" + ws).status()).isEqualTo(404);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(tap.deleted(first)).anyMatch(DocumentDeleted::wholeDocument);
            assertThat(tap.deleted(second)).anyMatch(DocumentDeleted::wholeDocument);
        });
    }
}
