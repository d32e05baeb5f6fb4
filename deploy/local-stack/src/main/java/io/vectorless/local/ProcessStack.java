package io.vectorless.local;

import io.vectorless.gateway.GatewayApplication;
import io.vectorless.indexer.IndexerApplication;
import io.vectorless.infra.EmbeddedInfrastructure;
import io.vectorless.infra.Endpoints;
import io.vectorless.infra.ParentWatch;
import io.vectorless.ingest.IngestApplication;
import io.vectorless.query.QueryApplication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The system the way production runs it, on one machine: the embedded infrastructure in this JVM (Kafka as its own
 * child) and every service as its own JVM — gateway, query, {@code ingesters} ingest processes and {@code indexers}
 * indexer processes, each kind in one consumer group — each with its own port and log file under
 * {@code <data>/logs/}. Children die with the launcher: on close (Ctrl-C, SIGTERM) they get SIGTERM and a grace
 * period; if the launcher is killed outright they see its process end ({@link ParentWatch}).
 */
public final class ProcessStack implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ProcessStack.class);
    /** Generous: five JVMs starting at once on two busy cores can take minutes; a crash still ends the wait at once. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(
            Long.parseLong(LocalStack.env("SERVICE_START_TIMEOUT_SECONDS", "900")));
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    /**
     * @param ports         gateway, ingest, indexer, query base ports; the second and later indexers take the ports
     *                      after query's, then the extra ingesters the ones after those; all 0 picks free ports
     * @param javaOptions   JVM options of each service process
     * @param properties    extra Spring properties for every service
     * @param indexerProperties extra Spring properties for the indexers only
     */
    public record Config(Path dataDirectory, boolean kafkaInProcess, int kafkaPort, int mongoPort, int s3Port,
                         LocalStack.Ports ports, int indexers, int ingesters, List<String> javaOptions,
                         Map<String, String> properties, Map<String, String> indexerProperties) {

        public Config {
            if (indexers < 1 || ingesters < 1) {
                throw new IllegalArgumentException("at least one indexer and one ingest process are needed");
            }
        }

        public static Config forTests(Path dataDirectory, int indexers, Map<String, String> properties,
                                      Map<String, String> indexerProperties) {
            return new Config(dataDirectory, true, 0, 0, 0, new LocalStack.Ports(0, 0, 0, 0), indexers, 1,
                    List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), properties,
                    indexerProperties);
        }
    }

    private volatile EmbeddedInfrastructure infrastructure;
    private final List<ServiceProcess> processes = new CopyOnWriteArrayList<>();
    private final ServiceProcess gateway;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread stopOnExit = new Thread(this::close, "process-stack-stop");

    private ProcessStack(Config config) {
        // registered first, so a Ctrl-C while services are still starting stops what has started
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        EmbeddedInfrastructure.Options options = new EmbeddedInfrastructure.Options(config.dataDirectory(),
                config.kafkaInProcess(), config.kafkaInProcess() ? null : LocalStack.kafkaClasspath(),
                config.kafkaPort(), config.mongoPort(), config.s3Port(), config.kafkaInProcess() ? 4 : 12);
        infrastructure = EmbeddedInfrastructure.start(options);
        try {
            Map<String, String> common = new LinkedHashMap<>(infrastructure.endpoints().springProperties());
            common.put("vectorless.kafka.partitions", Integer.toString(options.partitions()));
            common.putAll(config.properties());
            // as in the one-JVM stack, only the gateway faces the network: the others listen on loopback
            Map<String, String> internal = new LinkedHashMap<>(common);
            internal.put("server.address", LocalStack.LOOPBACK);
            ServicePorts ports = new ServicePorts(config.ports(), config.indexers());
            String classpath = ServiceClasspath.of(System.getProperty("java.class.path"));
            Path logs = config.dataDirectory().resolve("logs");
            int queryPort = ports.query();
            launch("query", QueryApplication.class, queryPort, internal, config, classpath, logs);
            for (int i = 1; i <= config.ingesters(); i++) {
                launch("ingest-" + i, IngestApplication.class, ports.ingest(i), internal, config, classpath, logs);
            }
            Map<String, String> indexer = new LinkedHashMap<>(internal);
            indexer.putAll(config.indexerProperties());
            List<String> indexerUrls = new ArrayList<>();
            for (int i = 1; i <= config.indexers(); i++) {
                int port = ports.indexer(i); // a random port is picked anew on every call: keep the one launched
                launch("indexer-" + i, IndexerApplication.class, port, indexer, config, classpath, logs);
                indexerUrls.add("http://127.0.0.1:" + port);
            }
            Map<String, String> front = new LinkedHashMap<>(common);
            front.put("vectorless.gateway.query-service-url", "http://127.0.0.1:" + queryPort);
            // any indexer answers for the nodes (they share them): the gateway asks them in turn
            front.put("vectorless.gateway.indexer.urls", String.join(",", indexerUrls));
            gateway = launch("gateway", GatewayApplication.class, ports.gateway(), front, config, classpath, logs);
            for (ServiceProcess process : processes) {
                process.awaitUp(START_TIMEOUT);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public static ProcessStack start(Config config) {
        return new ProcessStack(config);
    }

    private ServiceProcess launch(String name, Class<?> application, int port, Map<String, String> properties,
                                  Config config, String classpath, Path logs) {
        List<String> command = new ArrayList<>(config.javaOptions());
        command.add("-D" + ParentWatch.PARENT_PID + "=" + ProcessHandle.current().pid());
        command.add("-cp");
        command.add(classpath);
        command.add(ParentWatch.class.getName());
        command.add(application.getName());
        command.add("--server.port=" + port);
        // names this process's Kafka clients, so consumer-group tools tell indexer-1 from indexer-2
        command.add("--spring.kafka.client-id=" + name);
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        try {
            ServiceProcess process = new ServiceProcess(name, port, logs.resolve(name + ".log"),
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), command);
            processes.add(process);
            watchForUnexpectedExit(process);
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    private void watchForUnexpectedExit(ServiceProcess process) {
        process.onExit(() -> {
            if (!closed.get()) {
                log.warn("{} has exited; see {}", process.name(), process.log());
            }
        });
    }

    public String gatewayUrl() {
        return gateway.url();
    }

    public Endpoints endpoints() {
        return infrastructure.endpoints();
    }

    public List<ServiceProcess> processes() {
        return List.copyOf(processes);
    }

    public List<ServiceProcess> indexers() {
        return processes.stream().filter(p -> p.name().startsWith("indexer-")).toList();
    }

    public ServiceProcess process(String name) {
        return processes.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service process named " + name));
    }

    /** Stops the services side by side (SIGTERM, then SIGKILL after a grace period), then the infrastructure. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (Thread.currentThread() != stopOnExit) {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: it finds the stack closed
            }
        } else {
            log.info("stopping Vectorless RAG: {} service processes", processes.size());
        }
        processes.forEach(ServiceProcess::beginStop);
        for (ServiceProcess process : processes) {
            process.stop(STOP_GRACE);
        }
        if (infrastructure != null) {
            infrastructure.close();
        }
    }

    /** {@code --indexers N} (and optionally {@code --ingesters N}) asks for this mode. */
    static boolean requested(String[] args) {
        return option(args, "--indexers") > 0;
    }

    static int option(String[] args, String name) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(name) && i + 1 < args.length) {
                return Integer.parseInt(args[i + 1]);
            }
            if (args[i].startsWith(name + "=")) {
                return Integer.parseInt(args[i].substring(name.length() + 1));
            }
        }
        return 0;
    }

    /** {@code ./run.sh --indexers N [--ingesters M]}: ports and data as for the one-JVM stack. */
    public static void main(String[] args) throws InterruptedException {
        long started = System.nanoTime();
        Path data = Path.of(LocalStack.env("VECTORLESS_DATA_DIR", "data")).toAbsolutePath();
        String options = LocalStack.env("SERVICE_JAVA_OPTS", "-Xmx768m -XX:+UseSerialGC");
        Config config = new Config(data, false, LocalStack.intEnv("KAFKA_PORT", 9092),
                LocalStack.intEnv("MONGODB_PORT", 27017), LocalStack.intEnv("S3_PORT", 9000),
                new LocalStack.Ports(LocalStack.intEnv("GATEWAY_PORT", 8080), LocalStack.intEnv("INGEST_PORT", 8081),
                        LocalStack.intEnv("INDEXER_PORT", 8082), LocalStack.intEnv("QUERY_PORT", 8083)),
                Math.max(1, option(args, "--indexers")), Math.max(1, option(args, "--ingesters")),
                List.of(options.trim().split("\\s+")), Map.of(), Map.of());
        ProcessStack stack = start(config);
        StringBuilder lines = new StringBuilder();
        for (ServiceProcess process : stack.processes()) {
            lines.append(String.format("%n  %-10s %s  pid %-7d log %s", process.name(), process.url(), process.pid(),
                    process.log()));
        }
        log.info("""

                Vectorless RAG is up in {} s, one process per service:{}
                  API key: RAG_API_KEY (default 'pageindex-secret-key'); data {}
                  Kafka {}, MongoDB {}, S3 {}
                Stop with Ctrl-C: every service process stops with this one.""",
                String.format("%.1f", (System.nanoTime() - started) / 1e9), lines, data,
                stack.endpoints().kafkaBootstrapServers(), stack.endpoints().mongoUri(),
                stack.endpoints().s3Endpoint());
        new CountDownLatch(1).await();
    }

    /** Base ports as in the one-JVM stack; extra indexers after query's port, extra ingesters after those. */
    private record ServicePorts(LocalStack.Ports base, int indexers) {

        int gateway() {
            return pick(base.gateway());
        }

        int query() {
            return pick(base.query());
        }

        int indexer(int n) {
            return n == 1 ? pick(base.indexer()) : after(base.query(), n - 1);
        }

        int ingest(int n) {
            return n == 1 ? pick(base.ingest()) : after(base.query(), indexers - 1 + n - 1);
        }

        private static int after(int port, int offset) {
            return port > 0 ? port + offset : FreePorts.next();
        }

        private static int pick(int port) {
            return port > 0 ? port : FreePorts.next();
        }
    }
}
