package io.vectorless.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.vectorless.gateway.documents.storage.DocumentStore;
import io.vectorless.gateway.support.GatewayTestBase;
import io.vectorless.gateway.support.Http;
import io.vectorless.schema.event.DocumentStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status projection rebuilt from {@code document.status}: a projection write lost after its offset was
 * committed (as a crash of the embedded MongoDB did) is repaired by a replay, and replaying again changes nothing.
 */
class StatusReplayTest extends GatewayTestBase {
    @Autowired
    DocumentStore docs;

    @Test
    void replayRepairsALostProjectionWriteAndNeverMovesADocumentBack() {
        long ws = workspace();
        long id = uploadText(ws, 600).get("id").asLong();
        status(id, 1, ws, DocumentStatus.PARSING, 10);
        status(id, 1, ws, DocumentStatus.INDEXING, 45);
        indexed(id, 1, ws, 600);
        awaitDocument(id, d -> d.get("status").asText().equals("indexed"));
        // the write of "indexed" is lost: the record is back at indexing 45 %, the event is still on the topic
        docs.update(id, d -> d.withStatus(DocumentStatus.INDEXING, 45.0, null, Instant.now(), null)
                .withIndexResult(null, null, 0, 0, 0, 0, 0, 0));
        assertThat(http.get("/api/documents/" + id).json().get("status").asText()).isEqualTo("indexing");

        Http.Response replayed = http.postJson("/actuator/statusreplay", java.util.Map.of());

        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.json().get("read").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(replayed.json().get("changed").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(replayed.json().get("complete").asBoolean()).isTrue();
        JsonNode healed = http.get("/api/documents/" + id).json();
        assertThat(healed.get("status").asText()).isEqualTo("indexed");
        assertThat(healed.get("progress").asDouble()).isEqualTo(100.0);
        assertThat(healed.get("doc_title").asText()).isEqualTo("Title v1");

        String before = http.get("/api/documents/" + id).body();
        assertThat(http.postJson("/actuator/statusreplay", java.util.Map.of("hours", 1)).status()).isEqualTo(200);
        assertThat(http.get("/api/documents/" + id).body()).isEqualTo(before);
    }

    @Test
    void replayIsBehindTheKey() {
        assertThat(Http.client().sendAsync(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/actuator/statusreplay"))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).join().statusCode()).isEqualTo(401);
    }
}
