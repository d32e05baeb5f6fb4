package io.vectorless.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.vectorless.infra.llm.Reply;
import io.vectorless.infra.llm.ScriptedLlmServer;
import io.vectorless.local.GatewayClient;
import io.vectorless.local.ProcessStack;
import io.vectorless.local.ServiceProcess;
import io.vectorless.schema.event.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Scaling run in the multi-process mode ({@code ./run.sh --indexers N}): the same batch of generated PDFs through 1
 * and then 2 indexer processes (LLM summaries against a counting stub with a fixed delay per call, so the indexers
 * are the bottleneck), then through 1 and 2 ingest processes (quick index, so parsing is the bottleneck). Prints
 * documents/min, pages/s, consumer lag over time (admin client) and the share of partitions and documents each
 * process had. Asserts nothing.
 *
 * <pre>
 * ./mvnw -q -DskipTests install &amp;&amp; ./mvnw -q -pl bench dependency:build-classpath \
 *     -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
 * java -Xmx2g -cp bench/target/classes:$(cat bench/target/classpath.txt) io.vectorless.bench.ScalingBenchmark \
 *     [documents=40] [minPages=100] [maxPages=500] [llmDelayMs=300] [scale=1,2] [runs=indexers,ingest]
 * </pre>
 */
public final class ScalingBenchmark {
    private static final Pattern INDEXED_DOCS = Pattern.compile(
            "(?m)^vectorless_stage_duration_seconds_count\\{[^}]*stage=\"parsed_to_indexed\"[^}]*} (\\S+)");
    private static final Pattern PARSED_PAGES = Pattern.compile(
            "(?m)^vectorless_pages_total\\{[^}]*stage=\"parsed\"[^}]*} (\\S+)");

    private record Options(int documents, int minPages, int maxPages, int llmDelayMs, List<Integer> scale,
                           String runs) {
        static Options parse(String[] args) {
            Map<String, String> values = new TreeMap<>();
            for (String arg : args) {
                String[] pair = arg.split("=", 2);
                values.put(pair[0], pair.length > 1 ? pair[1] : "");
            }
            return new Options(Integer.parseInt(values.getOrDefault("documents", "40")),
                    Integer.parseInt(values.getOrDefault("minPages", "100")),
                    Integer.parseInt(values.getOrDefault("maxPages", "500")),
                    Integer.parseInt(values.getOrDefault("llmDelayMs", "300")),
                    List.of(values.getOrDefault("scale", "1,2").split(",")).stream().map(Integer::parseInt).toList(),
                    values.getOrDefault("runs", "indexers,ingest"));
        }
    }

    private record Pdf(String name, byte[] bytes, int pages) {
    }

    private ScalingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        System.out.printf(Locale.ROOT, "%d CPU cores; %d PDFs of %d-%d pages; LLM stub delay %d ms per call%n",
                Runtime.getRuntime().availableProcessors(), options.documents(), options.minPages(),
                options.maxPages(), options.llmDelayMs());
        List<Pdf> batch = generate(options);
        int totalPages = batch.stream().mapToInt(Pdf::pages).sum();
        System.out.printf(Locale.ROOT, "batch: %d documents, %d pages%n", batch.size(), totalPages);
        try (ScriptedLlmServer llm = ScriptedLlmServer.start()) {
            llm.respondWith(call -> Reply.delayed(Duration.ofMillis(options.llmDelayMs()), SummarizingModel.summaries(call)));
            for (int indexers : options.runs().contains("indexers") ? options.scale() : List.<Integer>of()) {
                run("indexers", 1, indexers, false, batch, totalPages, llm);
            }
            for (int ingesters : options.runs().contains("ingest") ? options.scale() : List.<Integer>of()) {
                run("ingest", ingesters, 2, true, batch, totalPages, llm);
            }
        }
    }

    private static void run(String scaling, int ingesters, int indexers, boolean quick, List<Pdf> batch,
                            int totalPages, ScriptedLlmServer llm) throws Exception {
        Path data = Files.createTempDirectory("vectorless-scaling");
        System.out.printf(Locale.ROOT, "%n=== %s scaling: %d ingest process(es), %d indexer process(es), %s ===%n",
                scaling, ingesters, indexers, quick ? "quick index (no LLM)" : "LLM summaries");
        ProcessStack.Config config = new ProcessStack.Config(data, true, 0, 0, 0,
                new io.vectorless.local.LocalStack.Ports(0, 0, 0, 0), indexers, ingesters,
                List.of("-Xmx512m", "-XX:+UseSerialGC"),
                Map.of("vectorless.llm.base-url", llm.baseUrl(), "vectorless.llm.model", "counting-stub"),
                // one document at a time per indexer process: the process is the unit that scales
                Map.of("spring.kafka.listener.concurrency", "1"));
        int callsBefore = llm.callCount();
        try (ProcessStack stack = ProcessStack.start(config);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                     stack.endpoints().kafkaBootstrapServers()))) {
            GatewayClient gateway = new GatewayClient(stack.gatewayUrl());
            long workspace = gateway.createWorkspace("scaling-" + scaling + "-" + ingesters + "-" + indexers);
            String group = scaling.equals("indexers") ? "indexer-service" : "ingest-service";
            String topic = scaling.equals("indexers") ? Topics.DOCUMENT_PARSED : Topics.DOCUMENT_UPLOADED;
            long started = System.nanoTime();
            for (Pdf pdf : batch) {
                GatewayClient.Response upload = gateway.upload(workspace, pdf.name(), pdf.bytes(), quick);
                if (upload.status() != 201) {
                    throw new IllegalStateException("upload failed: " + upload.status() + " " + upload.raw());
                }
            }
            System.out.printf(Locale.ROOT, "uploads done in %.1f s; partitions of %s now: %s%n", seconds(started),
                    topic, shares(admin, group, topic));
            System.out.println("  time   final  lag(" + group + " on " + topic + ")");
            int finished = 0;
            int failed = 0;
            long nextPrint = 0;
            while (finished < batch.size()) {
                JsonNode list = gateway.get("/api/documents?workspace_id=" + workspace).body();
                finished = 0;
                failed = 0;
                for (JsonNode doc : list.isArray() ? list : list.path("documents")) {
                    String status = doc.path("status").asText();
                    finished += status.equals("indexed") || status.equals("failed") ? 1 : 0;
                    failed += status.equals("failed") ? 1 : 0;
                }
                long now = System.nanoTime() - started;
                if (now >= nextPrint) {
                    System.out.printf(Locale.ROOT, "%6.0f s %4d/%d  %d%n", now / 1e9, finished, batch.size(),
                            lag(admin, group, topic));
                    nextPrint = now + TimeUnit.SECONDS.toNanos(10);
                }
                Thread.sleep(1000);
            }
            double elapsed = seconds(started);
            System.out.printf(Locale.ROOT, "RESULT %s: %d ingest, %d indexer processes: %d documents (%d failed) in "
                            + "%.1f s = %.2f documents/min, %.1f pages/s, %d LLM calls%n", scaling, ingesters, indexers,
                    batch.size(), failed, elapsed, batch.size() * 60 / elapsed, totalPages / elapsed,
                    llm.callCount() - callsBefore);
            System.out.println("partitions held at the end: " + shares(admin, group, topic));
            for (ServiceProcess process : stack.processes()) {
                if (process.name().startsWith("indexer-")) {
                    System.out.printf(Locale.ROOT, "  %s indexed %.0f documents%n", process.name(),
                            value(scrape(process), INDEXED_DOCS));
                } else if (process.name().startsWith("ingest-")) {
                    System.out.printf(Locale.ROOT, "  %s parsed %.0f pages%n", process.name(),
                            value(scrape(process), PARSED_PAGES));
                }
            }
        }
    }

    /** Partitions of {@code topic} per process (client ids are {@code <process>-<n>}). */
    private static Map<String, Integer> shares(Admin admin, String group, String topic) throws Exception {
        ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all()
                .get(10, TimeUnit.SECONDS).get(group);
        Map<String, Integer> shares = new TreeMap<>();
        for (MemberDescription member : description.members()) {
            long held = member.assignment().topicPartitions().stream().filter(p -> p.topic().equals(topic)).count();
            shares.merge(member.clientId().replaceFirst("-\\d+$", ""), (int) held, Integer::sum);
        }
        return shares;
    }

    private static long lag(Admin admin, String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic)
                .partitions().size();
        List<TopicPartition> all = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            all.add(new TopicPartition(topic, p));
        }
        var end = admin.listOffsets(all.stream().collect(Collectors.toMap(Function.identity(),
                p -> OffsetSpec.latest()))).all().get(10, TimeUnit.SECONDS);
        long lag = 0;
        for (TopicPartition partition : all) {
            OffsetAndMetadata at = committed.get(partition);
            lag += end.get(partition).offset() - (at == null ? 0 : at.offset());
        }
        return lag;
    }

    private static List<Pdf> generate(Options options) throws IOException {
        List<Pdf> batch = new ArrayList<>();
        int span = Math.max(1, options.maxPages() - options.minPages());
        for (int i = 0; i < options.documents(); i++) {
            int pages = options.minPages() + (int) ((long) i * 7919 % (span + 1));
            SyntheticPdf.Generated pdf = new SyntheticPdf(100 + i).generate(pages, i % 2 == 0);
            batch.add(new Pdf("book-" + i + ".pdf", pdf.bytes(), pdf.pages()));
        }
        return batch;
    }

    private static String scrape(ServiceProcess process) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(process.url() + "/actuator/prometheus"))
                .header("Authorization", "Bearer " + GatewayClient.KEY).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private static double value(String exposition, Pattern pattern) {
        Matcher m = pattern.matcher(exposition);
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
