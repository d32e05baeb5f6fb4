package io.vectorless.gateway.support;

import io.vectorless.infra.TestInfrastructure;
import io.vectorless.schema.EventJson;
import io.vectorless.schema.event.DocumentDeleted;
import io.vectorless.schema.event.DocumentEdited;
import io.vectorless.schema.event.DocumentEvent;
import io.vectorless.schema.event.DocumentUploaded;
import io.vectorless.schema.event.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records every event the gateway publishes on the uploaded, deleted and edited topics, read with a plain consumer;
 * {@link #json} keeps each event's JSON as written.
 */
public final class EventTap {
    private static volatile EventTap shared;
    private final List<DocumentEvent> events = new CopyOnWriteArrayList<>();
    private final Map<String, String> json = new java.util.concurrent.ConcurrentHashMap<>();

    private EventTap() {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "gateway-test-tap-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, 1000,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        Thread poller = new Thread(() -> {
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
                consumer.subscribe(List.of(Topics.DOCUMENT_UPLOADED, Topics.DOCUMENT_DELETED, Topics.DOCUMENT_EDITED));
                while (true) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                        DocumentEvent event = EventJson.readEvent(record.value());
                        json.put(event.eventId(), record.value());
                        events.add(event);
                    }
                }
            }
        }, "gateway-test-event-tap");
        poller.setDaemon(true);
        poller.start();
    }

    public static EventTap shared() {
        if (shared == null) {
            synchronized (EventTap.class) {
                if (shared == null) {
                    shared = new EventTap();
                }
            }
        }
        return shared;
    }

    public List<DocumentUploaded> uploaded(long documentId) {
        return events.stream().filter(e -> e instanceof DocumentUploaded && e.documentId() == documentId)
                .map(DocumentUploaded.class::cast).toList();
    }

    public List<DocumentEdited> edited(long documentId) {
        return events.stream().filter(e -> e instanceof DocumentEdited && e.documentId() == documentId)
                .map(DocumentEdited.class::cast).toList();
    }

    /** The event's JSON as it was on the topic. */
    public String json(DocumentEvent event) {
        return json.get(event.eventId());
    }

    public List<DocumentDeleted> deleted(long documentId) {
        return events.stream().filter(e -> e instanceof DocumentDeleted && e.documentId() == documentId)
                .map(DocumentDeleted.class::cast).toList();
    }
}
