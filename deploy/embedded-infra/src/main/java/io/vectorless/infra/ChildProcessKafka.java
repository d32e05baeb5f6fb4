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
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real Kafka broker in KRaft mode as a child JVM on a fixed port, with its log under a data directory so topics
 * and offsets survive a restart. Formats the storage on first start only. Supervised both ways: the child ends with
 * this process however it ends ({@link KafkaChild} watches its standard input), a broker left over from an earlier
 * run is stopped before this one starts (its pid is kept in {@code kafka.pid}), and a broker that dies while this
 * process runs is started again.
 */
final class ChildProcessKafka implements KafkaServer {
    private static final Logger log = LoggerFactory.getLogger(ChildProcessKafka.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration PORT_RELEASE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration MAX_RESTART_DELAY = Duration.ofSeconds(30);

    private final Path directory;
    private final int port;
    private final int partitions;
    private final String classpath;
    private final Path pidFile;
    private volatile Process process;
    private volatile boolean closing;
    private int restarts;

    ChildProcessKafka(Path directory, int port, int partitions, String classpath) {
        this.directory = directory;
        this.port = port;
        this.partitions = partitions;
        this.classpath = classpath;
        this.pidFile = directory.resolve("kafka.pid");
        stopLeftOverBroker();
        awaitPortFree();
        launch();
        awaitReady();
    }

    /** The broker's process id, while it runs. */
    long pid() {
        return process.pid();
    }

    private void launch() {
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
                    // a group's first member gets its partitions at once instead of after the default 3 s wait
                    // for more members: on one machine every member of a service joins within moments anyway
                    "group.initial.rebalance.delay.ms=0",
                    "auto.create.topics.enable=true",
                    "") + "\n");
            if (!Files.exists(logs.resolve("meta.properties"))) {
                runToCompletion(List.of(java(), "-cp", classpath, "kafka.tools.StorageTool", "format",
                        "-t", UUID.randomUUID().toString().substring(0, 22), "-c", config.toString(),
                        "--ignore-formatted"), directory.resolve("format.log"));
            }
            Process started = new ProcessBuilder(java(), "-Xms128m", "-Xmx512m", "-cp", classpath,
                    KafkaChild.class.getName(), config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("kafka.log").toFile()))
                    .start(); // standard input stays a pipe from this process: the child's lifeline
            process = started;
            Files.writeString(pidFile, Long.toString(started.pid()));
            started.onExit().thenRun(() -> superviseExit(started));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Kafka: " + e.getMessage(), e);
        }
    }

    private void superviseExit(Process exited) {
        if (closing || exited != process) {
            return;
        }
        Thread restart = new Thread(() -> restartAfter(exited), "kafka-supervisor");
        restart.setDaemon(true);
        restart.start();
    }

    private synchronized void restartAfter(Process exited) {
        while (!closing) {
            restarts++;
            long delay = Math.min(MAX_RESTART_DELAY.toMillis(), 500L << Math.min(restarts - 1, 6));
            log.warn("the Kafka broker exited with code {}; starting it again in {} ms (restart {}), see {}",
                    exited.exitValue(), delay, restarts, directory.resolve("kafka.log"));
            try {
                TimeUnit.MILLISECONDS.sleep(delay);
                if (closing) {
                    return;
                }
                awaitPortFree();
                launch();
                awaitReady();
                log.info("the Kafka broker is back on port {}", port);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("restarting the Kafka broker failed: {}", e.getMessage());
                exited = process;
            }
        }
    }

    /** A broker from an earlier run of this stack whose parent died before it could stop it. */
    private void stopLeftOverBroker() {
        Optional<ProcessHandle> leftOver = readPid().flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info().commandLine().map(c -> c.contains(KafkaChild.class.getName())
                        || c.contains("kafka.Kafka")).orElse(false));
        leftOver.ifPresent(handle -> {
            // its parent is gone, so it is stopping by itself already (an older broker stops on SIGTERM)
            log.warn("waiting for the Kafka broker left over from an earlier run to stop (pid {})", handle.pid());
            handle.destroy();
            try {
                handle.onExit().get(PORT_RELEASE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception notYet) {
                handle.destroyForcibly();
            }
        });
    }

    private Optional<Long> readPid() {
        try {
            return Files.exists(pidFile) ? Optional.of(Long.parseLong(Files.readString(pidFile).trim()))
                    : Optional.empty();
        } catch (IOException | NumberFormatException unreadable) {
            return Optional.empty();
        }
    }

    private void awaitPortFree() {
        Instant deadline = Instant.now().plus(PORT_RELEASE_TIMEOUT);
        while (portInUse(port)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("port " + port + " is already in use: is another Kafka still "
                        + "running? Stop it or set KAFKA_PORT.");
            }
            try {
                TimeUnit.MILLISECONDS.sleep(200); // a broker that is shutting down releases it within seconds
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for port " + port, e);
            }
        }
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        Process starting = process;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 4000))) {
            while (Instant.now().isBefore(deadline)) {
                if (!starting.isAlive()) {
                    throw new IllegalStateException("Kafka exited with code " + starting.exitValue() + "; see "
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
        stop(starting);
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
        closing = true;
        stop(process);
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // a stale pid file is checked against the process it names on the next start
        }
    }

    /** Closes the broker's standard input, which it takes as the signal to shut down (it ignores SIGTERM). */
    private static void stop(Process broker) {
        if (broker == null || !broker.isAlive()) {
            return;
        }
        try {
            broker.getOutputStream().close();
        } catch (IOException alreadyClosed) {
            // then the broker is on its way out already
        }
        try {
            if (!broker.waitFor(30, TimeUnit.SECONDS)) {
                broker.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            broker.destroyForcibly();
        }
    }
}
