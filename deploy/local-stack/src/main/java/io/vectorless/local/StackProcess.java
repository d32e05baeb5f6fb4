package io.vectorless.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The local stack ({@link LocalStack#main}) in a child JVM on a data directory, the way {@code ./run.sh} runs it,
 * so that a crash test or the chaos program can {@code kill -9} it and start it again on the same data.
 */
public final class StackProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(10);

    /** Ports of one stack; a restart reuses them. */
    public record Ports(int kafka, int mongo, int s3, int gateway, int ingest, int indexer, int query) {
        public static Ports free() {
            return new Ports(freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort());
        }
    }

    private final Process process;
    private final Ports ports;
    private final Path data;

    private StackProcess(Process process, Ports ports, Path data) {
        this.process = process;
        this.ports = ports;
        this.data = data;
    }

    /**
     * Starts the stack and waits until the gateway answers.
     *
     * @param environment extra environment for the services (e.g. {@code STALL_TIMEOUT})
     * @param log         where the child's output goes (appended)
     */
    public static StackProcess start(Path data, Ports ports, Map<String, String> environment, Path log) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx1536m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), LocalStack.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = new LinkedHashMap<>(Map.of(
                "VECTORLESS_DATA_DIR", data.toAbsolutePath().toString(),
                "KAFKA_PORT", Integer.toString(ports.kafka()), "MONGODB_PORT", Integer.toString(ports.mongo()),
                "S3_PORT", Integer.toString(ports.s3()), "GATEWAY_PORT", Integer.toString(ports.gateway()),
                "INGEST_PORT", Integer.toString(ports.ingest()), "INDEXER_PORT", Integer.toString(ports.indexer()),
                "QUERY_PORT", Integer.toString(ports.query())));
        env.putAll(environment);
        builder.environment().putAll(env);
        try {
            Files.createDirectories(data);
            StackProcess stack = new StackProcess(builder.start(), ports, data);
            stack.awaitUp(log);
            return stack;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the stack: " + e.getMessage(), e);
        }
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + ports.gateway();
    }

    public Ports ports() {
        return ports;
    }

    public Path data() {
        return data;
    }

    public long pid() {
        return process.pid();
    }

    /** The Kafka broker child process, if it runs. */
    public java.util.Optional<ProcessHandle> kafkaBroker() {
        return process.descendants().filter(p -> commandOf(p).stream()
                .anyMatch(arg -> arg.equals("kafka.Kafka") || arg.endsWith(".KafkaChild"))).findFirst();
    }

    /**
     * A process's command line, read from {@code /proc} (the JDK's {@code ProcessHandle.Info} leaves it out for long
     * class paths); empty when it cannot be read.
     */
    public static List<String> commandOf(ProcessHandle handle) {
        try {
            String raw = Files.readString(Path.of("/proc", Long.toString(handle.pid()), "cmdline"));
            return raw.isEmpty() ? List.of() : List.of(raw.split("\u0000"));
        } catch (IOException | RuntimeException unreadable) {
            return handle.info().command().map(List::of).orElse(List.of());
        }
    }

    /** SIGKILL to the stack's JVM and then to every process it started (the Kafka broker): a machine crash. */
    public void kill() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(30, TimeUnit.SECONDS);
            for (ProcessHandle child : children) {
                child.onExit().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("the stack did not die: " + e.getMessage(), e);
        }
    }

    /** A graceful stop, as Ctrl-C would. */
    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    private void awaitUp(Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the stack exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> health = http.send(HttpRequest.newBuilder(URI.create(gatewayUrl() + "/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the stack started", e);
            }
            pause(Duration.ofMillis(500));
        }
        kill();
        throw new IllegalStateException("the stack was not up within " + START_TIMEOUT + "; see " + log);
    }

    public static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
