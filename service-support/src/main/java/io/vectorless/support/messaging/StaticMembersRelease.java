package io.vectorless.support.messaging;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.MemberToRemove;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Static members do not leave their group when they close (that is what lets a restart take the partitions back
 * at once). On a graceful stop this removes them explicitly, after the listener containers have stopped, so other
 * replicas get the partitions now rather than after the session timeout. Bounded: a stop never waits on a broker
 * that is gone.
 */
public class StaticMembersRelease implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(StaticMembersRelease.class);
    private static final int TIMEOUT_MS = 3000;

    private final ConsumerMembership membership;
    private final KafkaListenerEndpointRegistry registry;
    private final KafkaAdmin kafkaAdmin;
    private volatile boolean running;

    public StaticMembersRelease(ConsumerMembership membership, KafkaListenerEndpointRegistry registry,
                                KafkaAdmin kafkaAdmin) {
        this.membership = membership;
        this.registry = registry;
        this.kafkaAdmin = kafkaAdmin;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (!membership.staticMembership()) {
            return;
        }
        Map<String, List<String>> prefixesByGroup = new HashMap<>();
        for (MessageListenerContainer container : registry.getListenerContainers()) {
            if (container.getGroupId() != null) {
                prefixesByGroup.computeIfAbsent(container.getGroupId(), g -> new java.util.ArrayList<>())
                        .add(membership.instanceIdPrefix(container.getListenerId()));
            }
        }
        if (prefixesByGroup.isEmpty()) {
            return;
        }
        Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        try (Admin admin = Admin.create(config)) {
            Map<String, ConsumerGroupDescription> groups = admin.describeConsumerGroups(prefixesByGroup.keySet())
                    .all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            for (ConsumerGroupDescription group : groups.values()) {
                List<String> prefixes = prefixesByGroup.get(group.groupId());
                List<MemberToRemove> ours = group.members().stream()
                        .map(MemberDescription::groupInstanceId)
                        .flatMap(java.util.Optional::stream)
                        .filter(id -> prefixes.stream().anyMatch(p -> id.equals(p) || id.startsWith(p + "-")))
                        .map(MemberToRemove::new).toList();
                if (!ours.isEmpty()) {
                    admin.removeMembersFromConsumerGroup(group.groupId(), new RemoveMembersFromConsumerGroupOptions(ours))
                            .all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
                    log.info("left consumer group {} ({} members)", group.groupId(), ours.size());
                }
            }
        } catch (Exception e) {
            log.info("could not leave the consumer groups on stop ({}); the broker drops the members after the "
                    + "session timeout", e.getMessage());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the listener containers (which stop earlier, having a higher phase). */
    @Override
    public int getPhase() {
        return AbstractMessageListenerContainer.DEFAULT_PHASE - 100;
    }
}
