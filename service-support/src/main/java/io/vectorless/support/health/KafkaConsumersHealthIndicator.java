package io.vectorless.support.health;

import io.vectorless.support.messaging.ConsumerMembership;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

import java.util.Map;

/**
 * UP once every listener's consumers have joined their groups and had partitions assigned: before that, an event
 * published now would wait for the group to form, so the service is not ready yet.
 */
class KafkaConsumersHealthIndicator extends AbstractHealthIndicator {
    private final ConsumerMembership membership;
    private final KafkaListenerEndpointRegistry registry;

    KafkaConsumersHealthIndicator(ConsumerMembership membership, KafkaListenerEndpointRegistry registry) {
        this.membership = membership;
        this.registry = registry;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, String> waiting = membership.notAssigned(registry.getListenerContainers());
        if (waiting.isEmpty()) {
            builder.up().withDetail("listeners", registry.getListenerContainerIds());
        } else {
            builder.down().withDetails(Map.copyOf(waiting));
        }
    }
}
