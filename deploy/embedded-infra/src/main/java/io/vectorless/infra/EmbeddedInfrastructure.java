package io.vectorless.infra;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * The embedded infrastructure in one place: a real Kafka broker (KRaft), a MongoDB wire-protocol server and an S3
 * server. Used by the run command (child-process Kafka on a fixed port, data under one directory that survives a
 * restart) and by the tests (everything in this JVM on random ports).
 */
public final class EmbeddedInfrastructure implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedInfrastructure.class);

    /**
     * @param dataDirectory where data lives; {@code null} keeps everything in memory (and Kafka in a temp dir)
     * @param kafkaInProcess true for an in-JVM broker on a random port; false for a child JVM on {@code kafkaPort}
     * @param kafkaClasspath the classpath for a child-process broker
     * @param kafkaPort      fixed Kafka port for a child process
     * @param mongoPort      0 for a random port
     * @param s3Port         0 for a random port
     * @param partitions     default partitions per topic
     */
    public record Options(Path dataDirectory, boolean kafkaInProcess, String kafkaClasspath, int kafkaPort,
                          int mongoPort, int s3Port, int partitions) {

        public static Options forTests(Path dataDirectory) {
            return new Options(dataDirectory, true, null, 0, 0, 0, 4);
        }
    }

    private final KafkaServer kafka;
    private final EmbeddedMongo mongo;
    private final EmbeddedS3 s3;
    private final Endpoints endpoints;

    private EmbeddedInfrastructure(Options options) {
        long started = System.nanoTime();
        Path data = options.dataDirectory();
        EmbeddedMongo startedMongo = null;
        EmbeddedS3 startedS3 = null;
        try {
            startedMongo = new EmbeddedMongo(data == null ? null : data.resolve("mongo"), options.mongoPort());
            startedS3 = new EmbeddedS3(data == null ? null : data.resolve("objects"), options.s3Port());
            kafka = options.kafkaInProcess() ? new InProcessKafka(options.partitions())
                    : new ChildProcessKafka(data.resolve("kafka"), options.kafkaPort(), options.partitions(),
                    options.kafkaClasspath());
        } catch (RuntimeException e) {
            if (startedS3 != null) {
                startedS3.close();
            }
            if (startedMongo != null) {
                startedMongo.close();
            }
            throw e;
        }
        mongo = startedMongo;
        s3 = startedS3;
        endpoints = new Endpoints(kafka.bootstrapServers(), mongo.uri("vectorless"), s3.endpoint(),
                EmbeddedS3.ACCESS_KEY, EmbeddedS3.SECRET_KEY);
        log.info("embedded infrastructure up in {} ms: Kafka {}, MongoDB {}, S3 {}",
                (System.nanoTime() - started) / 1_000_000, endpoints.kafkaBootstrapServers(), endpoints.mongoUri(),
                endpoints.s3Endpoint());
    }

    public static EmbeddedInfrastructure start(Options options) {
        return new EmbeddedInfrastructure(options);
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    @Override
    public void close() {
        RuntimeException first = null;
        for (AutoCloseable part : new AutoCloseable[]{kafka, s3, mongo}) {
            try {
                part.close();
            } catch (Exception e) {
                if (first == null) {
                    first = new IllegalStateException("stopping the embedded infrastructure: " + e.getMessage(), e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
