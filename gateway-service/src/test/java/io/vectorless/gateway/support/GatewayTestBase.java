package io.vectorless.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.vectorless.infra.EmbeddedInfraInitializer;
import io.vectorless.schema.event.DocumentStatus;
import io.vectorless.schema.event.DocumentStatusChanged;
import io.vectorless.schema.event.IndexResult;
import io.vectorless.support.messaging.EventPublisher;
import org.junit.jupiter.api.BeforeEach;
import io.vectorless.support.storage.CollectionsTouched;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * One Spring context for every gateway test, against the shared real Kafka, MongoDB and S3 servers. The
 * watchdog's schedule is pushed out of the way; its test drives sweeps with an explicit clock instead.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=gateway-service",
        "vectorless.gateway.watchdog-interval=1h",
        "vectorless.gateway.rag-max-bytes-per-workspace=100000",
        "vectorless.gateway.event-stream-poll-interval=50ms",
        "spring.servlet.multipart.max-file-size=1MB",
        "spring.servlet.multipart.max-request-size=1MB"})
@ContextConfiguration(initializers = EmbeddedInfraInitializer.class)
@Import(GatewayTestBase.CollectionsSeen.class)
public abstract class GatewayTestBase {
    /** Every MongoDB command the gateway sends, in every test of the shared context. */
    protected static final CollectionsTouched TOUCHED = new CollectionsTouched();

    @TestConfiguration
    static class CollectionsSeen {
        @Bean
        MongoClientSettingsBuilderCustomizer recordCollections() {
            return settings -> settings.addCommandListener(TOUCHED);
        }
    }

    private static final AtomicLong UNIQUE = new AtomicLong(System.nanoTime() % 1_000_000);

    @LocalServerPort
    protected int port;
    @Autowired
    protected EventPublisher publisher;
    protected Http http;
    protected EventTap tap;

    @DynamicPropertySource
    static void queryService(DynamicPropertyRegistry registry) {
        registry.add("vectorless.gateway.query-service-url", () -> FakeQueryService.shared().url());
        registry.add("vectorless.gateway.indexer.urls", () -> FakeIndexer.shared().url());
    }

    @BeforeEach
    void connect() {
        http = new Http(port);
        tap = EventTap.shared();
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UNIQUE.incrementAndGet();
    }

    protected long workspace() {
        Http.Response created = http.postJson("/api/workspaces", Map.of("name", unique("ws"),
                "description", "test workspace", "owner_username", "tester"));
        if (created.status() != 201) {
            throw new AssertionError("workspace not created: " + created.body());
        }
        return created.json().get("id").asLong();
    }

    /** A text document with unique content (so dedup never joins two tests' uploads). */
    protected JsonNode uploadText(long workspaceId, int bytes) {
        StringBuilder text = new StringBuilder(unique("doc")).append('\n');
        while (text.length() < bytes) {
            text.append("Lorem ipsum dolor sit amet. ");
        }
        Http.Response response = http.upload(workspaceId, unique("file") + ".txt", text.substring(0, bytes));
        if (response.status() != 201) {
            throw new AssertionError("upload failed: " + response.status() + " " + response.body());
        }
        return response.json();
    }

    protected void status(long docId, int version, long workspaceId, DocumentStatus status, double progress) {
        publisher.publish(DocumentStatusChanged.progress(docId, version, workspaceId, status, progress, "test"));
    }

    protected void indexed(long docId, int version, long workspaceId, long textBytes) {
        publisher.publish(DocumentStatusChanged.indexed(docId, version, workspaceId,
                new IndexResult("Title v" + version, "Summary v" + version, 3, 1, 2, textBytes, 4096, 0), "test"));
    }

    protected void failed(long docId, int version, long workspaceId, String reason) {
        publisher.publish(DocumentStatusChanged.failed(docId, version, workspaceId, reason, "test"));
    }

    protected JsonNode awaitDocument(long docId, Predicate<JsonNode> condition) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            last[0] = http.get("/api/documents/" + docId).json();
            return condition.test(last[0]);
        });
        return last[0];
    }
}
