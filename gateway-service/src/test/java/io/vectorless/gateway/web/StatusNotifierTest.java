package io.vectorless.gateway.web;

import io.vectorless.gateway.documents.DocumentStatusNotifier;
import io.vectorless.gateway.support.GatewayTestBase;
import io.vectorless.gateway.support.Http;
import io.vectorless.schema.event.DocumentStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** One notifier behind both the status stream and {@code wait}: both hear the same changes, deletion included. */
class StatusNotifierTest extends GatewayTestBase {
    @Autowired
    DocumentStatusNotifier notifier;

    @Test
    void aStreamAndAWaitingCallerBothHearTheDocumentGoFinal() throws Exception {
        long ws = workspace();
        long id = uploadText(ws, 700).get("id").asLong();
        HttpResponse<java.util.stream.Stream<String>> stream = Http.client().send(
                http.request("/api/documents/" + id + "/events").GET().build(), HttpResponse.BodyHandlers.ofLines());
        CompletableFuture<List<String>> events = CompletableFuture.supplyAsync(() -> stream.body()
                .filter(line -> line.startsWith("event:")).toList());
        CompletableFuture<DocumentStatus> waited = CompletableFuture.supplyAsync(
                () -> notifier.awaitFinal(id, Duration.ofSeconds(30)).status());

        status(id, 1, ws, DocumentStatus.PARSING, 20);
        failed(id, 1, ws, "the parser gave up");

        assertThat(waited.get(30, TimeUnit.SECONDS)).isEqualTo(DocumentStatus.FAILED);
        assertThat(events.get(30, TimeUnit.SECONDS)).hasSizeGreaterThanOrEqualTo(2).allMatch(e -> e.equals("event:status"));
    }

    @Test
    void deletingTheDocumentEndsItsStreamWithADeletedEvent() throws Exception {
        long id = uploadText(workspace(), 700).get("id").asLong();
        HttpResponse<java.util.stream.Stream<String>> stream = Http.client().send(
                http.request("/api/documents/" + id + "/events").GET().build(), HttpResponse.BodyHandlers.ofLines());
        CompletableFuture<List<String>> lines = CompletableFuture.supplyAsync(() -> stream.body().toList());
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/documents/" + id).status() == 200);

        assertThat(http.delete("/api/documents/" + id).status()).isEqualTo(200);

        List<String> all = lines.get(30, TimeUnit.SECONDS);
        assertThat(all).contains("event:deleted");
        assertThat(all.get(all.indexOf("event:deleted") + 1)).contains("\"doc_id\":" + id).contains("\"deleted\"");
    }
}
