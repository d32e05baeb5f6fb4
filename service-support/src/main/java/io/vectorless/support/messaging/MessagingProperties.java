package io.vectorless.support.messaging;

import io.vectorless.schema.event.Topics;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** Topic names, partitions and consumer retry policy ({@code vectorless.kafka.*}). */
@ConfigurationProperties("vectorless.kafka")
public record MessagingProperties(
        @DefaultValue TopicNames topics,
        @DefaultValue("12") int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue Retry retry,
        @DefaultValue("unknown-service") String serviceName) {

    public record TopicNames(
            @DefaultValue(Topics.DOCUMENT_UPLOADED) String uploaded,
            @DefaultValue(Topics.DOCUMENT_PARSED) String parsed,
            @DefaultValue(Topics.DOCUMENT_STATUS) String status,
            @DefaultValue(Topics.DOCUMENT_DELETED) String deleted,
            @DefaultValue(Topics.DEAD_LETTER_SUFFIX) String deadLetterSuffix) {
    }

    /** Bounded exponential backoff before a record goes to the dead-letter topic. */
    public record Retry(
            @DefaultValue("3") int attempts,
            @DefaultValue("500ms") Duration initialInterval,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("5s") Duration maxInterval) {
    }
}
