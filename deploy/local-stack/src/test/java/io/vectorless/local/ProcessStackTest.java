package io.vectorless.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import io.vectorless.infra.llm.Reply;
import io.vectorless.infra.llm.ScriptedLlmServer;
import io.vectorless.schema.event.Topics;
import io.vectorless.schema.store.StoreNames;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The system as production runs it, on one machine: every service its own JVM, two indexers in one consumer group
 * (the {@code ./run.sh --indexers 2} mode). Work spreads over both indexers; killing the one holding a document in
 * the middle of its summaries loses nothing (its partitions move, the other indexer indexes the document once); and
 * every metric the Grafana dashboard and the alert rules query is exported by the live services.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProcessStackTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern IDS = Pattern.compile("these ids: (.+)$", Pattern.MULTILINE);
    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final int SECTIONS = 10;

    @TempDir
    static Path data;
    static ScriptedLlmServer llm;
    static ProcessStack stack;
    static GatewayClient gateway;
    static Admin admin;
    static long workspace;

    @BeforeAll
    static void startTwoIndexerProcesses() {
        llm = ScriptedLlmServer.start();
        // slow enough that a document is still summarizing when its indexer is killed
        llm.respondWith(call -> Reply.delayed(Duration.ofMillis(1500), summaries(call)));
        stack = ProcessStack.start(ProcessStack.Config.forTests(data, 2, Map.of(
                        "vectorless.llm.base-url", llm.baseUrl(),
                        "vectorless.llm.model", "scripted-model",
                        "vectorless.gateway.gauge-interval", "2s"),
                Map.of(
                        // one section per call, one call at a time: summaries take a few seconds per document
                        "vectorless.indexer.summary.max-nodes-per-batch", "1",
                        "vectorless.indexer.summary.concurrency", "1",
                        // a killed indexer's partitions move after seconds, not the default 45
                        "spring.kafka.consumer.properties.session.timeout.ms", "6000",
                        "spring.kafka.consumer.properties.heartbeat.interval.ms", "1000")));
        gateway = new GatewayClient(stack.gatewayUrl());
        workspace = gateway.createWorkspace("processes");
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.endpoints().kafkaBootstrapServers()));
    }

    @AfterAll
    static void stop() {
        if (admin != null) {
            admin.close();
        }
        if (stack != null) {
            stack.close();
            assertThat(stack.processes()).noneMatch(ServiceProcess::isAlive);
        }
        if (llm != null) {
            llm.close();
        }
    }

    @Test
    @Order(1)
    void everyServiceRunsAsItsOwnProcessAndBothIndexersIndexDocuments() throws Exception {
        assertThat(stack.processes()).extracting(ServiceProcess::name)
                .containsExactlyInAnyOrder("gateway", "query", "ingest-1", "indexer-1", "indexer-2");
        assertThat(stack.processes()).extracting(ServiceProcess::pid).doesNotHaveDuplicates()
                .doesNotContain(ProcessHandle.current().pid());
        await().atMost(Duration.ofMinutes(3)).until(() -> holders().size() == 2);

        Set<String> indexedBy = new TreeSet<>();
        for (int i = 0; i < 12 && indexedBy.size() < 2; i++) {
            long id = upload("spread-" + i, true);
            indexedBy.add(holderOf(id).orElseThrow());
            awaitIndexed(id);
        }
        assertThat(indexedBy).containsExactly("indexer-1", "indexer-2");
        for (ServiceProcess indexer : stack.indexers()) {
            assertThat(metric(indexer, "vectorless_pages_total", "stage=\"indexed\"")).as(indexer.name())
                    .isGreaterThan(0);
        }
        assertThat(Files.readString(stack.process("indexer-1").log())).contains("[indexer-service,");
    }

    @Test
    @Order(2)
    void killingTheIndexerMidDocumentLosesNothingAndIndexesItOnce() throws Exception {
        long id = upload("failover", false);
        String holder = await().atMost(Duration.ofMinutes(3)).until(() -> holderOf(id), Optional::isPresent)
                .orElseThrow();
        await().atMost(Duration.ofMinutes(3)).until(() -> {
            JsonNode doc = gateway.document(id);
            return doc.path("status").asText().equals("summarizing") && doc.path("progress").asDouble() > 55;
        });
        ServiceProcess victim = stack.process(holder);
        victim.kill();
        assertThat(victim.isAlive()).isFalse();
        String survivor = holder.equals("indexer-1") ? "indexer-2" : "indexer-1";

        await().atMost(Duration.ofMinutes(3)).until(() -> holderOf(id).filter(survivor::equals).isPresent());
        JsonNode indexed = awaitIndexed(id);
        assertThat(indexed.path("status").asText()).isEqualTo("indexed");
        int nodeCount = indexed.path("node_count").asInt();
        assertThat(nodeCount).isGreaterThanOrEqualTo(SECTIONS);

        try (MongoClient mongo = MongoClients.create(stack.endpoints().mongoUri())) {
            List<Document> nodes = mongo.getDatabase("vectorless").getCollection(StoreNames.NODES)
                    .find(Filters.eq("documentId", id)).into(new ArrayList<>());
            Set<String> nodeIds = new HashSet<>();
            nodes.forEach(node -> nodeIds.add(node.getString("nodeId")));
            // the tree's nodes plus the document's root record, each once
            assertThat(nodes).as("one record per node of the tree, none twice").hasSize(nodeCount + 1);
            assertThat(nodeIds).hasSize(nodes.size());
        }
        JsonNode tree = gateway.get("/api/documents/" + id + "/tree").body();
        assertThat(tree.toString()).contains("Section 10");

        long after = upload("after-failover", true);
        assertThat(awaitIndexed(after).path("status").asText()).isEqualTo("indexed");
    }

    @Test
    @Order(3)
    void everyMetricTheDashboardAndAlertsQueryIsExported() throws IOException {
        Set<String> wanted = new TreeSet<>();
        JsonNode dashboard = JSON.readTree(ROOT.resolve("deploy/grafana/dashboards/vectorless.json").toFile());
        dashboard.findValues("expr").forEach(expr -> wanted.addAll(PromQl.metricNames(expr.asText())));
        String rules = Files.readString(ROOT.resolve("deploy/prometheus/alerts.yml"));
        Matcher expr = Pattern.compile("(?s)expr: (?:>-\\s*)?(.*?)\\n\\s+for:").matcher(rules);
        int ruleCount = 0;
        while (expr.find()) {
            wanted.addAll(PromQl.metricNames(expr.group(1)));
            ruleCount++;
        }
        assertThat(ruleCount).isEqualTo(4);
        assertThat(wanted).contains("vectorless_kafka_consumer_lag", "vectorless_documents_by_status",
                "vectorless_llm_call_duration_seconds_bucket", "vectorless_stage_duration_seconds_bucket");

        await().atMost(Duration.ofMinutes(3)).untilAsserted(() -> {
            Set<String> exported = new HashSet<>();
            for (ServiceProcess process : stack.processes()) {
                if (process.isAlive()) {
                    exported.addAll(PromQl.exportedNames(scrape(process)));
                }
            }
            assertThat(exported).containsAll(wanted);
        });
        String gatewayMetrics = scrape(stack.process("gateway"));
        assertThat(gatewayMetrics).containsPattern("vectorless_kafka_consumer_lag\\{.*group=\"indexer-service\"")
                .containsPattern("vectorless_documents_by_status\\{.*status=\"indexed\".*} [1-9]");
    }

    private static long upload(String name, boolean quick) {
        StringBuilder text = new StringBuilder("# Operations manual " + name + "\n\n");
        for (int i = 1; i <= SECTIONS; i++) {
            text.append("## Section ").append(i).append("\n\n");
            text.append(("Procedure " + i + " keeps replicas healthy and records every change in the log. ").repeat(30))
                    .append("\n\n");
        }
        GatewayClient.Response response = gateway.upload(workspace, name + ".md",
                text.toString().getBytes(StandardCharsets.UTF_8), quick);
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return response.body().path("id").asLong();
    }

    private static JsonNode awaitIndexed(long id) {
        return await().atMost(Duration.ofMinutes(4)).until(() -> gateway.document(id),
                doc -> doc.path("status").asText().equals("indexed") || doc.path("status").asText().equals("failed"));
    }

    /** The indexer process whose consumer holds the partition of {@code document.parsed} the document's key maps to. */
    private static Optional<String> holderOf(long documentId) throws Exception {
        int partitions = admin.describeTopics(List.of(Topics.DOCUMENT_PARSED)).allTopicNames().get(10, TimeUnit.SECONDS)
                .get(Topics.DOCUMENT_PARSED).partitions().size();
        int partition = Utils.toPositive(Utils.murmur2(Long.toString(documentId).getBytes(StandardCharsets.UTF_8)))
                % partitions;
        TopicPartition wanted = new TopicPartition(Topics.DOCUMENT_PARSED, partition);
        return members().stream().filter(m -> m.assignment().topicPartitions().contains(wanted))
                .map(m -> processName(m.clientId())).findFirst();
    }

    private static Set<String> holders() throws Exception {
        Set<String> names = new TreeSet<>();
        for (MemberDescription member : members()) {
            if (member.assignment().topicPartitions().stream().anyMatch(p -> p.topic().equals(Topics.DOCUMENT_PARSED))) {
                names.add(processName(member.clientId()));
            }
        }
        return names;
    }

    private static List<MemberDescription> members() throws Exception {
        ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("indexer-service")).all()
                .get(10, TimeUnit.SECONDS).get("indexer-service");
        return List.copyOf(group.members());
    }

    /** Client ids are {@code <process name>-<consumer index>}. */
    private static String processName(String clientId) {
        return clientId.replaceFirst("-\\d+$", "");
    }

    private static double metric(ServiceProcess process, String name, String label) throws Exception {
        for (String line : scrape(process).split("\n")) {
            if (line.startsWith(name + "{") && line.contains(label)) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }

    private static String scrape(ServiceProcess process) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(process.url() + "/actuator/prometheus"))
                .header("Authorization", "Bearer " + GatewayClient.KEY).timeout(Duration.ofSeconds(10)).GET().build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(process.name() + " /actuator/prometheus").isEqualTo(200);
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** A model that summarizes whatever it is given, as the prompts ask. */
    private static Reply summaries(ScriptedLlmServer.Call call) {
        Matcher ids = IDS.matcher(call.userText());
        if (!ids.find()) {
            return Reply.content("An overview of the manual.");
        }
        StringBuilder json = new StringBuilder("{");
        String[] list = ids.group(1).split(",\\s*");
        for (int i = 0; i < list.length; i++) {
            json.append(i == 0 ? "" : ",").append(list[i].trim()).append(":\"Summary.\"");
        }
        return Reply.content(json.append('}').toString());
    }
}
