package io.vectorless.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.vectorless.infra.llm.Reply;
import io.vectorless.infra.llm.ScriptedLlmServer;
import io.vectorless.local.GatewayClient;
import io.vectorless.local.LocalStack;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Upload-to-indexed time through the whole system (gateway, Kafka, ingest, indexer, MongoDB, S3) for generated
 * PDFs, LLM calls per page for summaries against a counting OpenAI-compatible stub, and a restart of the stack on
 * existing data (restart-to-ready, restart-to-first-indexed). Prints figures; asserts nothing.
 *
 * <pre>
 * ./mvnw -q -DskipTests install &amp;&amp; ./mvnw -q -pl bench dependency:build-classpath \
 *     -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
 * java -Xmx3g -cp bench/target/classes:$(cat bench/target/classpath.txt) io.vectorless.bench.PipelineBenchmark
 * </pre>
 */
public final class PipelineBenchmark {

    private PipelineBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path data = Files.createTempDirectory("vectorless-bench");
        try (ScriptedLlmServer llm = ScriptedLlmServer.start()) {
            llm.respondWith(SummarizingModel::summaries);
            long started = System.nanoTime();
            try (LocalStack stack = LocalStack.start(LocalStack.Config.forTests(data, Map.of(
                    "vectorless.llm.base-url", llm.baseUrl(), "vectorless.llm.model", "counting-stub")))) {
                System.out.printf(Locale.ROOT, "stack start-up (embedded Kafka in-process, 4 services): %.1f s%n",
                        seconds(started));
                GatewayClient gateway = new GatewayClient(stack.gatewayUrl());
                long workspace = gateway.createWorkspace("benchmark");
                System.out.println("file                               pages  mode    upload->indexed  pages/s  nodes  LLM calls  calls/page");
                run(gateway, llm, workspace, "warm-up", new SyntheticPdf(1).generate(20, true), true);
                run(gateway, llm, workspace, "100 pages, bookmarks", new SyntheticPdf(2).generate(100, true), true);
                run(gateway, llm, workspace, "100 pages, layout headings", new SyntheticPdf(3).generate(100, false), true);
                run(gateway, llm, workspace, "100 pages, bookmarks", new SyntheticPdf(4).generate(100, true), false);
                run(gateway, llm, workspace, "100 pages, layout headings", new SyntheticPdf(5).generate(100, false), false);
                run(gateway, llm, workspace, "1,000 pages, bookmarks", new SyntheticPdf(6).generate(1000, true), true);
            }
        }
        restart();
    }

    /**
     * A graceful stop and a start on the same data with the broker as a child process, as {@code ./run.sh} runs
     * it: seconds from the start to ready, and to the first upload after readiness being indexed (with the
     * tenth upload's own time for comparison).
     */
    private static void restart() throws IOException {
        Path data = Files.createTempDirectory("vectorless-bench-restart");
        int kafkaPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            kafkaPort = socket.getLocalPort();
        }
        LocalStack.Config config = new LocalStack.Config(data, false, kafkaPort, 0, 0,
                new LocalStack.Ports(0, 0, 0, 0), Map.of());
        long workspace;
        try (LocalStack first = LocalStack.start(config)) {
            GatewayClient gateway = new GatewayClient(first.gatewayUrl());
            workspace = gateway.createWorkspace("restart");
            awaitFinal(gateway, uploadNote(gateway, workspace, 0));
        }
        long restarting = System.nanoTime();
        try (LocalStack second = LocalStack.start(config)) {
            double ready = seconds(restarting);
            GatewayClient gateway = new GatewayClient(second.gatewayUrl());
            long uploaded = System.nanoTime();
            awaitFinal(gateway, uploadNote(gateway, workspace, 1));
            double firstIndexed = seconds(restarting);
            double firstUpload = seconds(uploaded);
            double tenth = 0;
            for (int i = 2; i <= 10; i++) {
                uploaded = System.nanoTime();
                awaitFinal(gateway, uploadNote(gateway, workspace, i));
                tenth = seconds(uploaded);
            }
            System.out.printf(Locale.ROOT, "restart on existing data (graceful stop, broker a child process): "
                    + "restart->ready %.1f s, restart->first indexed %.1f s; upload->indexed: first %.2f s, "
                    + "tenth %.2f s%n", ready, firstIndexed, firstUpload, tenth);
        }
    }

    private static long uploadNote(GatewayClient gateway, long workspace, int n) {
        byte[] text = ("# Note " + n + "\n\n## Backups\n\nBackups run nightly at 02:0" + n % 10 + " UTC.\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return gateway.upload(workspace, "note-" + n + ".md", text, true).body().path("id").asLong();
    }

    private static void awaitFinal(GatewayClient gateway, long id) {
        String status = gateway.document(id).path("status").asText();
        while (!status.equals("indexed") && !status.equals("failed")) {
            pause();
            status = gateway.document(id).path("status").asText();
        }
    }

    private static void run(GatewayClient gateway, ScriptedLlmServer llm, long workspace, String label,
                            SyntheticPdf.Generated pdf, boolean quick) {
        int callsBefore = llm.callCount();
        long started = System.nanoTime();
        GatewayClient.Response upload = gateway.upload(workspace, label.replaceAll("\\W+", "-") + ".pdf",
                pdf.bytes(), quick);
        long id = upload.body().path("id").asLong();
        JsonNode document = gateway.document(id);
        while (!document.path("status").asText().equals("indexed") && !document.path("status").asText().equals("failed")) {
            pause();
            document = gateway.document(id);
        }
        double elapsed = seconds(started);
        int calls = llm.callCount() - callsBefore;
        System.out.printf(Locale.ROOT, "%-34s %5d  %-6s  %12.2f s  %7.1f  %5d  %9d  %10.3f  %s%n", label, pdf.pages(),
                quick ? "quick" : "LLM", elapsed, pdf.pages() / elapsed, document.path("node_count").asInt(), calls,
                calls / (double) pdf.pages(), document.path("status").asText().equals("failed")
                        ? "FAILED: " + document.path("error").asText() : "");
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
