package io.vectorless.local;

import io.vectorless.gateway.GatewayApplication;
import io.vectorless.indexer.IndexerApplication;
import io.vectorless.infra.EmbeddedInfrastructure;
import io.vectorless.infra.Endpoints;
import io.vectorless.ingest.IngestApplication;
import io.vectorless.query.QueryApplication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The whole system on one machine with no Docker: the embedded infrastructure (Kafka, MongoDB wire server, S3
 * server) and the four services, each in its own Spring context with its own configuration file and port.
 * {@link #main} is the README's run command; the end-to-end tests start the same thing on random ports.
 */
public final class LocalStack implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
    /** Where the services other than the gateway listen. */
    public static final String LOOPBACK = "127.0.0.1";

    /**
     * @param dataDirectory  where every server keeps its data (survives a restart)
     * @param kafkaInProcess in-JVM broker on a random port (tests) or a child JVM on {@code kafkaPort}
     * @param ports          gateway, ingest, indexer, query; 0 for random
     * @param properties     extra Spring properties for every service (e.g. LLM settings in tests)
     */
    public record Config(Path dataDirectory, boolean kafkaInProcess, int kafkaPort, int mongoPort, int s3Port,
                         Ports ports, Map<String, String> properties) {

        public static Config forTests(Path dataDirectory, Map<String, String> properties) {
            return new Config(dataDirectory, true, 0, 0, 0, new Ports(0, 0, 0, 0), properties);
        }
    }

    public record Ports(int gateway, int ingest, int indexer, int query) {
    }

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private final EmbeddedInfrastructure infrastructure;
    private final List<ConfigurableApplicationContext> services = new CopyOnWriteArrayList<>();
    private final String gatewayUrl;
    private final String queryUrl;
    private final String indexerUrl;

    private LocalStack(Config config) {
        // Four contexts share one logging system: Spring Boot's per-context logging set-up races when contexts start
        // side by side, so logging is configured once, by logback.xml (logback-test.xml in tests).
        System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        EmbeddedInfrastructure.Options options = new EmbeddedInfrastructure.Options(config.dataDirectory(),
                config.kafkaInProcess(), config.kafkaInProcess() ? null : kafkaClasspath(), config.kafkaPort(),
                config.mongoPort(), config.s3Port(), config.kafkaInProcess() ? 4 : 12);
        infrastructure = EmbeddedInfrastructure.start(options);
        try {
            Map<String, String> common = new LinkedHashMap<>(infrastructure.endpoints().springProperties());
            common.put("vectorless.kafka.partitions", Integer.toString(options.partitions()));
            // one replica of each service, always the same: static membership lets a restart (even after a
            // crash) take its partitions back at once, instead of waiting out its former consumers' sessions
            common.put("vectorless.kafka.membership.instance-id", "local");
            common.putAll(config.properties());
            // only the gateway faces the network: the others listen on loopback, for the gateway and the operator
            Map<String, String> internal = new LinkedHashMap<>(common);
            internal.put("server.address", LOOPBACK);
            // the three back-end services start side by side; the gateway last, once it knows query-service's port
            ExecutorService starter = Executors.newFixedThreadPool(3);
            try {
                Future<ConfigurableApplicationContext> query = starter.submit(
                        () -> start(QueryApplication::builder, config.ports().query(), internal));
                Future<ConfigurableApplicationContext> ingest = starter.submit(
                        () -> start(IngestApplication::builder, config.ports().ingest(), internal));
                Future<ConfigurableApplicationContext> indexer = starter.submit(
                        () -> start(IndexerApplication::builder, config.ports().indexer(), internal));
                queryUrl = "http://127.0.0.1:" + port(await(query));
                await(ingest);
                indexerUrl = "http://127.0.0.1:" + port(await(indexer));
            } finally {
                stopStarting(starter);
            }
            Map<String, String> gateway = new LinkedHashMap<>(common);
            gateway.put("vectorless.gateway.query-service-url", queryUrl);
            gateway.put("vectorless.gateway.indexer.urls", indexerUrl);
            gatewayUrl = "http://127.0.0.1:" + port(start(GatewayApplication::builder, config.ports().gateway(), gateway));
            awaitReady(READY_TIMEOUT);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public static LocalStack start(Config config) {
        return new LocalStack(config);
    }

    public String gatewayUrl() {
        return gatewayUrl;
    }

    public String queryUrl() {
        return queryUrl;
    }

    public Endpoints endpoints() {
        return infrastructure.endpoints();
    }

    /** The service contexts; the gateway's is the last. */
    public List<ConfigurableApplicationContext> services() {
        return List.copyOf(services);
    }

    /**
     * Waits until every service's readiness group is UP: its dependencies answer and its consumers have joined
     * their groups, so an upload made now is picked up at once.
     */
    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ConfigurableApplicationContext service : services) {
            HealthEndpoint health = service.getBean(HealthEndpoint.class);
            HealthComponent readiness = health.healthForPath("readiness");
            while (readiness == null || !Status.UP.equals(readiness.getStatus())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(service.getId() + " is not ready after " + timeout.toSeconds()
                            + " s: " + describe(readiness));
                }
                try {
                    TimeUnit.MILLISECONDS.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the services to be ready", e);
                }
                readiness = health.healthForPath("readiness");
            }
        }
    }

    private static String describe(HealthComponent readiness) {
        if (readiness instanceof CompositeHealth composite && composite.getComponents() != null) {
            StringBuilder down = new StringBuilder();
            composite.getComponents().forEach((name, part) -> {
                if (!Status.UP.equals(part.getStatus())) {
                    down.append(name).append(' ').append(part.getStatus())
                            .append(part instanceof Health health ? " " + health.getDetails() : "").append("; ");
                }
            });
            return down.toString();
        }
        return readiness == null ? "no readiness group" : readiness.getStatus().toString();
    }

    private ConfigurableApplicationContext start(Supplier<SpringApplicationBuilder> builder, int port,
                                                 Map<String, String> properties) {
        List<String> args = new ArrayList<>();
        args.add("--server.port=" + port);
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        ConfigurableApplicationContext context = builder.get().run(args.toArray(String[]::new));
        services.add(context);
        return context;
    }

    /** Lets services that are still starting finish (or fail), so that a failed start closes all of them. */
    private static void stopStarting(ExecutorService starter) {
        starter.shutdown();
        try {
            starter.awaitTermination(3, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ConfigurableApplicationContext await(Future<ConfigurableApplicationContext> starting) {
        try {
            return starting.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the services", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("a service did not start: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Override
    public void close() {
        for (int i = services.size() - 1; i >= 0; i--) {
            try {
                services.get(i).close();
            } catch (RuntimeException e) {
                log.warn("stopping a service: {}", e.getMessage());
            }
        }
        services.clear();
        infrastructure.close();
    }

    /** The classpath for a child-process Kafka broker: this JVM's, or the jar's lib/ folder when run as a jar. */
    static String kafkaClasspath() {
        String classpath = System.getProperty("java.class.path");
        String[] entries = classpath.split(File.pathSeparator);
        if (entries.length == 1 && entries[0].endsWith(".jar")) {
            Path jar = Path.of(entries[0]).toAbsolutePath();
            Path lib = jar.getParent().resolve("lib");
            if (Files.isDirectory(lib)) {
                return jar + File.pathSeparator + lib + File.separator + "*";
            }
        }
        return classpath;
    }

    /**
     * The run command: everything on the default ports, data under {@code VECTORLESS_DATA_DIR} (./data);
     * {@code --indexers N} runs every service as its own process instead ({@link ProcessStack}).
     */
    public static void main(String[] args) throws InterruptedException {
        if (ProcessStack.requested(args)) {
            ProcessStack.main(args);
            return;
        }
        long started = System.nanoTime();
        Path data = Path.of(env("VECTORLESS_DATA_DIR", "data")).toAbsolutePath();
        Config config = new Config(data, false, intEnv("KAFKA_PORT", 9092), intEnv("MONGODB_PORT", 27017),
                intEnv("S3_PORT", 9000), new Ports(intEnv("GATEWAY_PORT", 8080), intEnv("INGEST_PORT", 8081),
                intEnv("INDEXER_PORT", 8082), intEnv("QUERY_PORT", 8083)), Map.of());
        LocalStack stack = start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("stopping Vectorless RAG");
            stack.close();
            stopped.countDown();
        }, "local-stack-stop"));
        log.info("""

                Vectorless RAG is up and ready in {} s (every service's dependencies answer, every consumer is in its group)
                  gateway    {}   (API key: RAG_API_KEY, default 'pageindex-secret-key')
                  data       {}
                  Kafka {}, MongoDB {}, S3 {}
                Stop with Ctrl-C; data stays for the next start.""",
                String.format("%.1f", (System.nanoTime() - started) / 1e9), stack.gatewayUrl(), data,
                stack.endpoints().kafkaBootstrapServers(), stack.endpoints().mongoUri(),
                stack.endpoints().s3Endpoint());
        stopped.await();
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static int intEnv(String name, int fallback) {
        return Integer.parseInt(env(name, Integer.toString(fallback)));
    }
}
