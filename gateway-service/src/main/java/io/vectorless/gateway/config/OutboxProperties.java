package io.vectorless.gateway.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the gateway hands run events to Kafka ({@code vectorless.gateway.outbox.*}): how long an upload waits for
 * Kafka's acknowledgement before it answers with the document still {@code queued}, and how often events Kafka did
 * not take are offered again.
 */
@ConfigurationProperties("vectorless.gateway.outbox")
public record OutboxProperties(
        @DefaultValue("5s") Duration publishTimeout,
        @DefaultValue("5s") Duration interval) {
}
