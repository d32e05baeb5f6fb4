package io.vectorless.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real Kafka broker in KRaft mode as a child JVM on a fixed port, with its log under a data directory so topics
 * and offsets survive a restart. Formats the storage on first start only.
 */
final class ChildProcessKafka implements KafkaServer {
    private static final Logger log = LoggerFactory.getLogger(ChildProcessKafka.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(300);

    private final int port;
    private final Process process;

    ChildProcessKafka(Path directory, int port, int partitions, String classpath) {
        this.port = port;
        if (portInUse(port)) {
            throw new IllegalStateException("port " + port + " is already in use: is another Kafka (or an earlier run "
                    + "of this stack) still running? Stop it or set KAFKA_PORT.");
        }
        int controllerPort = EmbeddedS3.freePort();
        Path logs = directory.resolve("logs");
        Path config = directory.resolve("server.properties");
        try {
            Files.createDirectories(logs);
            Files.writeString(config, String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=1",
                    "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                    "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                    "controller.listener.names=CONTROLLER",
                    "inter.broker.listener.name=PLAINTEXT",
                    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                    "log.dirs=" + logs.toAbsolutePath(),
                    "num.partitions=" + partitions,
                    "offsets.topic.replication.factor=1",
                    "offsets.topic.num.partitions=4",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "group.initial.rebalance.delay.ms=0",
                    "auto.create.topics.enable=true",
                    "") + "\n");
            if (!Files.exists(logs.resolve("meta.properties"))) {
                runToCompletion(List.of(java(), "-cp", classpath, "kafka.tools.StorageTool", "format",
                        "-t", UUID.randomUUID().toString().substring(0, 22), "-c", config.toString(),
                        "--ignore-formatted"), directory.resolve("format.log"));
            }
            process = new ProcessBuilder(java(), "-Xms128m", "-Xmx512m", "-cp", classpath, "kafka.Kafka",
                    config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("kafka.log").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Kafka: " + e.getMessage(), e);
        }
        awaitReady(directory);
    }

    private void awaitReady(Path directory) {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 4000))) {
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Kafka exited with code " + process.exitValue() + "; see "
                            + directory.resolve("kafka.log"));
                }
                try {
                    admin.describeCluster().nodes().get(4, TimeUnit.SECONDS);
                    return;
                } catch (Exception notYet) {
                    log.debug("Kafka not ready yet: {}", notYet.getMessage());
                }
            }
        }
        close();
        throw new IllegalStateException("Kafka did not become ready within " + START_TIMEOUT.toSeconds() + " s; see "
                + directory.resolve("kafka.log"));
    }

    private static void runToCompletion(List<String> command, Path output) throws IOException {
        Process format = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                format.destroyForcibly();
                throw new IllegalStateException("formatting Kafka storage failed; see " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting Kafka storage", e);
        }
    }

    private static boolean portInUse(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException free) {
            return false;
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Override
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
