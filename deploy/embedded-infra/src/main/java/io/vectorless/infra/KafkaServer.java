package io.vectorless.infra;

/** A running Kafka broker. */
interface KafkaServer extends AutoCloseable {
    String bootstrapServers();

    @Override
    void close();
}
