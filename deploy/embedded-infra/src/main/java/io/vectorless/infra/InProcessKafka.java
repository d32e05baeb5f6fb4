package io.vectorless.infra;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.util.Map;

/** A real Kafka broker in KRaft mode inside this JVM, on a random port: quick to start, for tests. */
final class InProcessKafka implements KafkaServer {
    private final EmbeddedKafkaKraftBroker broker;

    InProcessKafka(int partitions) {
        broker = new EmbeddedKafkaKraftBroker(1, partitions);
        broker.brokerProperties(Map.of(
                "group.initial.rebalance.delay.ms", "0",
                "offsets.topic.num.partitions", "4",
                "transaction.state.log.num.partitions", "2",
                "log.flush.interval.ms", "1000"));
        broker.afterPropertiesSet();
    }

    @Override
    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    @Override
    public void close() {
        broker.destroy();
    }
}
