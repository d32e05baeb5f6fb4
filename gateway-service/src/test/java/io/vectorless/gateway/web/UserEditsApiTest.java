package io.vectorless.gateway.web;

import io.vectorless.gateway.support.FakeIndexer;
import com.fasterxml.jackson.databind.JsonNode;
import io.vectorless.gateway.support.GatewayTestBase;
import io.vectorless.gateway.support.Http;
import io.vectorless.schema.ContractFixturesTest.ContractSamples;
import io.vectorless.schema.event.DocumentEdited;
import io.vectorless.schema.store.StoreNames;
import io.vectorless.schema.store.StoredNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What a person sets on a document (PATCH doc_title, file_name) outlives the pipeline's later runs. */
class UserEditsApiTest extends GatewayTestBase {
    @Autowired
    MongoTemplate mongo;

    @Test
    void titleAndFileNameGivenByAPersonSurviveReindexAndReplace() {
        long ws = workspace();
        long id = uploadText(ws, 700).get("id").asLong();
        indexed(id, 1, ws, 700);
        awaitDocument(id, d -> d.get("indexed_version").asInt() == 1);
        assertThat(http.get("/api/documents/" + id).json().get("doc_title").asText()).isEqualTo("Title v1");

        Http.Response patched = http.patchJson("/api/documents/" + id,
                Map.of("doc_title", "My handbook", "file_name", "handbook-final.txt"));
        assertThat(patched.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> !tap.edited(id).isEmpty());
        DocumentEdited edit = tap.edited(id).get(0);
        assertThat(ContractSamples.fieldNames(tap.json(edit)))
                .isEqualTo(ContractSamples.fieldNames(ContractSamples.fixture("document-edited.json")));
        assertThat(edit.docTitle()).isEqualTo("My handbook");
        assertThat(edit.fileName()).isEqualTo("handbook-final.txt");
        assertThat(edit.workspaceId()).isEqualTo(ws);
        assertThat(edit.version()).isEqualTo(1);

        assertThat(http.post("/api/documents/" + id + "/reindex").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> tap.uploaded(id).size() >= 2);
        assertThat(tap.uploaded(id).get(tap.uploaded(id).size() - 1).fileName()).isEqualTo("handbook-final.txt");
        indexed(id, 1, ws, 700);
        JsonNode reindexed = awaitDocument(id, d -> d.get("status").asText().equals("indexed"));
        assertThat(reindexed.get("doc_title").asText()).isEqualTo("My handbook");

        Http.Response replaced = http.multipart("/api/documents/" + id + "/replace", Map.of(
                "file", Http.FilePart.of("draft-2.txt", unique("second version of the handbook")),
                "username", "bob"));
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.json().get("file_name").asText()).isEqualTo("handbook-final.txt");
        writeRoot(id, 2, ws);
        indexed(id, 2, ws, 800);
        JsonNode second = awaitDocument(id, d -> d.get("indexed_version").asInt() == 2);

        assertThat(second.get("doc_title").asText()).isEqualTo("My handbook");
        assertThat(second.get("file_name").asText()).isEqualTo("handbook-final.txt");
        assertThat(http.get("/api/documents/" + id + "/tree").json().get("title").asText()).isEqualTo("My handbook");
    }

    @Test
    void withoutAnEditThePipelinesTitleFollowsEachRun() {
        long ws = workspace();
        long id = uploadText(ws, 700).get("id").asLong();
        indexed(id, 1, ws, 700);
        awaitDocument(id, d -> d.get("indexed_version").asInt() == 1);
        http.multipart("/api/documents/" + id + "/replace", Map.of(
                "file", Http.FilePart.of("renamed.txt", unique("another text")), "username", "bob"));
        indexed(id, 2, ws, 800);

        JsonNode second = awaitDocument(id, d -> d.get("indexed_version").asInt() == 2);

        assertThat(second.get("doc_title").asText()).isEqualTo("Title v2");
        assertThat(second.get("file_name").asText()).isEqualTo("renamed.txt");
    }

    private void writeRoot(long id, int version, long ws) {
        FakeIndexer.shared().save(new StoredNode(StoredNode.idOf(id, version, "root"), id, version, ws, "root", null, 0, 0,
                "Pipeline title", "Summary", 1, 1, "", List.of(), List.of(), 0));
    }
}
