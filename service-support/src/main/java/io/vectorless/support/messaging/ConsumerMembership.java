package io.vectorless.support.messaging;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Applies {@link MessagingProperties.Membership} to every listener container (session timeout, heartbeat, static
 * membership) and records when each of a container's consumers got its first assignment after start-up: readiness
 * waits for that, so a service does not say it is ready while its consumers are still joining their groups.
 */
public class ConsumerMembership
        implements ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> {

    private final MessagingProperties.Membership settings;
    /** listener id -> identities of its consumers that have had an assignment (possibly empty) */
    private final Map<String, Set<Integer>> assigned = new ConcurrentHashMap<>();

    public ConsumerMembership(MessagingProperties.Membership settings) {
        this.settings = settings;
    }

    @Override
    public void configure(ConcurrentMessageListenerContainer<Object, Object> container) {
        ContainerProperties properties = container.getContainerProperties();
        Properties consumer = properties.getKafkaConsumerProperties();
        consumer.putIfAbsent(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG,
                Long.toString(settings.sessionTimeout().toMillis()));
        consumer.putIfAbsent(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG,
                Long.toString(settings.heartbeatInterval().toMillis()));
        if (staticMembership()) {
            // the container appends "-n" per concurrent consumer, so every consumer has its own instance id
            consumer.putIfAbsent(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceIdPrefix(container.getListenerId()));
        }
        String listenerId = container.getListenerId();
        properties.setConsumerRebalanceListener(new Tracking(listenerId, properties.getConsumerRebalanceListener()));
    }

    public boolean staticMembership() {
        return !settings.instanceId().isBlank();
    }

    /** The start of the instance ids of one listener's consumers. */
    public String instanceIdPrefix(String listenerId) {
        return settings.instanceId() + "-" + listenerId;
    }

    /**
     * Containers that should run but have not all their consumers assigned yet, with what they wait for; empty when
     * every consumer is in its group.
     */
    public Map<String, String> notAssigned(Collection<? extends MessageListenerContainer> containers) {
        Map<String, String> waiting = new LinkedHashMap<>();
        for (MessageListenerContainer container : containers) {
            if (!container.isAutoStartup()) {
                continue;
            }
            String id = container.getListenerId();
            if (!container.isRunning()) {
                waiting.put(id, "not running");
                continue;
            }
            int consumers = container instanceof ConcurrentMessageListenerContainer<?, ?> concurrent
                    ? concurrent.getConcurrency() : 1;
            int done = assigned.getOrDefault(id, Set.of()).size();
            if (done < consumers) {
                waiting.put(id, done + " of " + consumers + " consumers have joined their group");
            }
        }
        return waiting;
    }

    private final class Tracking implements ConsumerAwareRebalanceListener {
        private final String listenerId;
        private final ConsumerRebalanceListener delegate;

        Tracking(String listenerId, ConsumerRebalanceListener delegate) {
            this.listenerId = listenerId;
            this.delegate = delegate;
        }

        @Override
        public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
            if (delegate instanceof ConsumerAwareRebalanceListener aware) {
                aware.onPartitionsAssigned(consumer, partitions);
            } else if (delegate != null) {
                delegate.onPartitionsAssigned(partitions);
            }
            assigned.computeIfAbsent(listenerId, id -> ConcurrentHashMap.newKeySet())
                    .add(System.identityHashCode(consumer));
        }

        @Override
        public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
            if (delegate instanceof ConsumerAwareRebalanceListener aware) {
                aware.onPartitionsRevokedBeforeCommit(consumer, partitions);
            } else if (delegate != null) {
                delegate.onPartitionsRevoked(partitions);
            }
        }

        @Override
        public void onPartitionsRevokedAfterCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
            if (delegate instanceof ConsumerAwareRebalanceListener aware) {
                aware.onPartitionsRevokedAfterCommit(consumer, partitions);
            }
        }

        @Override
        public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
            if (delegate instanceof ConsumerAwareRebalanceListener aware) {
                aware.onPartitionsLost(consumer, partitions);
            } else if (delegate != null) {
                delegate.onPartitionsLost(partitions);
            }
        }
    }
}
