package io.vectorless.gateway.documents;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vectorless.gateway.config.GatewayProperties;
import io.vectorless.gateway.storage.DocumentStore;
import io.vectorless.gateway.support.GatewayTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The watchdog on its own schedule, with a one-second stall timeout, against the real stores and broker. */
class ScheduledWatchdogTest extends GatewayTestBase {
    @Autowired
    DocumentStore docs;
    @Autowired
    DocumentService documents;
    @Autowired
    RagIndexSync ragSync;

    @Test
    void stalledDocumentIsRedrivenThenFailedWithoutAnyoneAsking() {
        long ws = workspace();
        long id = uploadText(ws, 600).get("id").asLong();
        GatewayProperties fast = new GatewayProperties("http://127.0.0.1:1", Duration.ofSeconds(1), 1,
                Duration.ofSeconds(1), Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofMinutes(1),
                Duration.ofMillis(100), new GatewayProperties.Cors(List.of("*")));
        StallWatchdog watchdog = new StallWatchdog(docs, documents, ragSync, fast, new SimpleMeterRegistry());
        watchdog.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> tap.uploaded(id).size() >= 2);
            JsonNode failed = awaitDocument(id, d -> d.get("status").asText().equals("failed"));
            assertThat(failed.get("error").asText()).isEqualTo("no progress for 1 second in stage queued");
            assertThat(tap.uploaded(id)).hasSize(2);
        } finally {
            watchdog.stop();
        }
    }
}
