package io.vectorless.infra;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MinIOContainer;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The servers every integration test shares, started once per JVM and never stopped by a test (stopping them under
 * Spring's cached contexts only floods the log). Testcontainers (Kafka, MongoDB, MinIO) when Docker is available,
 * the embedded servers otherwise; {@code -Dvectorless.infra=embedded} or {@code =containers} forces one.
 */
public final class TestInfrastructure {
    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    private static volatile Endpoints shared;

    private TestInfrastructure() {
    }

    public static Endpoints shared() {
        Endpoints current = shared;
        if (current == null) {
            synchronized (TestInfrastructure.class) {
                current = shared;
                if (current == null) {
                    current = useContainers() ? containers() : embedded();
                    shared = current;
                }
            }
        }
        return current;
    }

    private static boolean useContainers() {
        String forced = System.getProperty("vectorless.infra", System.getenv().getOrDefault("VECTORLESS_INFRA", ""));
        if (forced.equals("embedded")) {
            return false;
        }
        if (forced.equals("containers")) {
            return true;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static Endpoints embedded() {
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.start(EmbeddedInfrastructure.Options.forTests(null));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                infrastructure.close();
            } catch (RuntimeException ignored) {
                // the JVM is going away
            }
        }, "embedded-infra-stop"));
        return infrastructure.endpoints();
    }

    @SuppressWarnings("resource")
    private static Endpoints containers() {
        log.info("Docker is available: integration tests use Testcontainers");
        KafkaContainer kafka = new KafkaContainer("apache/kafka-native:3.9.1");
        MongoDBContainer mongo = new MongoDBContainer("mongo:7.0");
        MinIOContainer minio = new MinIOContainer("minio/minio:RELEASE.2024-12-18T13-15-44Z");
        kafka.start();
        mongo.start();
        minio.start();
        return new Endpoints(kafka.getBootstrapServers(), mongo.getReplicaSetUrl("vectorless"), minio.getS3URL(),
                minio.getUserName(), minio.getPassword());
    }
}
