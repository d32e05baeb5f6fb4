package io.vectorless.support.messaging;

import io.vectorless.core.failure.PermanentFailure;
import io.vectorless.infra.EmbeddedInfraInitializer;
import io.vectorless.infra.TestInfrastructure;
import io.vectorless.schema.EventJson;
import io.vectorless.schema.event.DocumentEvent;
import io.vectorless.schema.event.DocumentStatus;
import io.vectorless.schema.event.DocumentStatusChanged;
import io.vectorless.schema.event.DocumentUploaded;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.test.context.ContextConfiguration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The consumers' failure policy against a real broker: a permanent failure goes straight to the dead-letter topic
 * and marks the document failed with its reason; a transient one is retried with backoff first; nothing is lost.
 */
@SpringBootTest(classes = FailurePolicyIT.App.class, properties = {
        "vectorless.kafka.topics.uploaded=" + FailurePolicyIT.RUN + ".uploaded",
        "vectorless.kafka.topics.parsed=" + FailurePolicyIT.RUN + ".parsed",
        "vectorless.kafka.topics.status=" + FailurePolicyIT.RUN + ".status",
        "vectorless.kafka.topics.deleted=" + FailurePolicyIT.RUN + ".deleted",
        "vectorless.kafka.service-name=failing-service",
        "vectorless.kafka.retry.attempts=2",
        "spring.kafka.consumer.group-id=failure-policy-it",
        "spring.kafka.consumer.auto-offset-reset=earliest"})
@ContextConfiguration(initializers = EmbeddedInfraInitializer.class)
class FailurePolicyIT {
    static final String RUN = "policy-it";

    /** How often each document was attempted. */
    static final Map<Long, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();

    @SpringBootConfiguration
    @EnableAutoConfiguration(exclude = {MongoAutoConfiguration.class, MongoDataAutoConfiguration.class})
    static class App {
        @Bean
        FailingListener failingListener() {
            return new FailingListener();
        }
    }

    /** Fails on purpose: document ids below 1000 permanently, the others transiently (2000-2999 without a message). */
    static class FailingListener {
        @KafkaListener(topics = "${vectorless.kafka.topics.uploaded}")
        void on(DocumentUploaded event) {
            ATTEMPTS.computeIfAbsent(event.documentId(), id -> new AtomicInteger()).incrementAndGet();
            if (event.documentId() < 1000) {
                throw new PermanentFailure("The file is not a PDF, DOCX, PPTX, Markdown or text file");
            }
            if (event.documentId() >= 2000 && event.documentId() < 3000) {
                throw new NullPointerException();
            }
            throw new IllegalStateException("object storage is unreachable");
        }
    }

    @Autowired
    EventPublisher publisher;
    @Autowired
    org.springframework.kafka.config.KafkaListenerEndpointRegistry listeners;
    @Autowired
    org.springframework.kafka.core.ConsumerFactory<?, ?> consumers;

    @Test
    void offsetsAreCommittedByTheContainerOnlyForRecordsWhoseListenerReturned() {
        var properties = listeners.getListenerContainers().iterator().next().getContainerProperties();
        assertThat(properties.getAckMode()).isIn(org.springframework.kafka.listener.ContainerProperties.AckMode.RECORD,
                org.springframework.kafka.listener.ContainerProperties.AckMode.BATCH);
        assertThat(properties.isSyncCommits()).isTrue();
        assertThat(consumers.getConfigurationProperties().get("enable.auto.commit")).isIn(null, false, "false");
    }

    private static DocumentUploaded upload(long id) {
        return DocumentUploaded.of(id, 1, 9, "f.pdf", "application/pdf", 10, "hash", "key", true, "u");
    }

    @Test
    void permanentFailureGoesToTheDeadLetterTopicAtOnceAndMarksTheDocumentFailed() {
        long id = 100 + (System.nanoTime() % 800);
        DocumentStatusChanged failed = publishAndAwaitDeadLetterAndFailure(id);

        assertThat(failed.error()).isEqualTo("The file is not a PDF, DOCX, PPTX, Markdown or text file");
        assertThat(failed.source()).isEqualTo("failing-service");
        assertThat(ATTEMPTS.get(id).get()).as("a permanent failure is not retried").isEqualTo(1);
    }

    @Test
    void aFailureWithoutAMessageIsReportedInWordsNotAsAClassNameOrNull() {
        long id = 2000 + (System.nanoTime() % 1000);
        DocumentStatusChanged failed = publishAndAwaitDeadLetterAndFailure(id);

        assertThat(failed.error()).startsWith("failing-service could not process the document: ")
                .doesNotContain("null").doesNotContain("Exception").doesNotContain("java.");
    }

    @Test
    void transientFailureIsRetriedThenDeadLetteredWithAReason() {
        long id = 5000 + (System.nanoTime() % 1000);
        DocumentStatusChanged failed = publishAndAwaitDeadLetterAndFailure(id);

        assertThat(failed.error()).contains("object storage is unreachable");
        assertThat(ATTEMPTS.get(id).get()).as("first try plus two retries").isEqualTo(3);
    }

    /** Publishes an upload and waits until it is in the dead-letter topic and the document is marked failed. */
    private DocumentStatusChanged publishAndAwaitDeadLetterAndFailure(long id) {
        publisher.publish(upload(id));
        try (KafkaConsumer<String, String> consumer = consumer(RUN + ".uploaded-dlt", RUN + ".status")) {
            List<ConsumerRecord<String, String>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                return hasDeadLetter(seen, id) && failedStatus(seen, id) != null;
            });
            return failedStatus(seen, id);
        }
    }

    private static boolean hasDeadLetter(List<ConsumerRecord<String, String>> seen, long id) {
        return seen.stream().anyMatch(r -> r.topic().endsWith("-dlt") && r.key().equals(Long.toString(id)));
    }

    private static DocumentStatusChanged failedStatus(List<ConsumerRecord<String, String>> seen, long id) {
        return seen.stream().filter(r -> r.topic().endsWith(".status") && r.key().equals(Long.toString(id)))
                .map(r -> (DocumentStatusChanged) EventJson.readEvent(r.value()))
                .filter(s -> s.status() == DocumentStatus.FAILED).findFirst().orElse(null);
    }

    private static KafkaConsumer<String, String> consumer(String... topics) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "policy-probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topics));
        return consumer;
    }
}
