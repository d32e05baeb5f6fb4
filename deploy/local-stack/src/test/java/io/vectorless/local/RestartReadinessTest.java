package io.vectorless.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The stack as {@code ./run.sh} runs it (the broker a child process keeping its data) stopped and started again on
 * the same data: once start-up returns, every consumer is in its group, so the first upload is indexed at once
 * rather than after the former consumers' sessions run out. Then the broker dies: readiness says so, the stack
 * starts it again, and uploads go on.
 */
class RestartReadinessTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void firstUploadAfterARestartIsIndexedPromptlyAndADeadBrokerIsStartedAgain(@TempDir Path data) throws Exception {
        LocalStack.Config config = new LocalStack.Config(data, false, freePort(), 0, 0,
                new LocalStack.Ports(0, 0, 0, 0), Map.of());
        long workspace;
        try (LocalStack first = LocalStack.start(config)) {
            GatewayClient gateway = new GatewayClient(first.gatewayUrl());
            workspace = gateway.createWorkspace("Before the restart");
            awaitIndexed(gateway, upload(gateway, workspace, "before"));
        }

        long restarting = System.nanoTime();
        try (LocalStack second = LocalStack.start(config)) {
            double ready = seconds(restarting);
            GatewayClient gateway = new GatewayClient(second.gatewayUrl());
            long uploaded = System.nanoTime();
            awaitIndexed(gateway, upload(gateway, workspace, "first after the restart"));
            double first = seconds(uploaded);
            uploaded = System.nanoTime();
            awaitIndexed(gateway, upload(gateway, workspace, "second after the restart"));
            System.out.printf(Locale.ROOT, "restart on existing data: ready in %.1f s; first upload indexed in %.2f s,"
                    + " the next in %.2f s%n", ready, first, seconds(uploaded));

            long brokerPid = Long.parseLong(Files.readString(data.resolve("kafka").resolve("kafka.pid")).trim());
            ProcessHandle.of(brokerPid).orElseThrow().destroyForcibly();
            String readiness = second.gatewayUrl() + "/actuator/health/readiness";
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> status(readiness) == 503);
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                    .until(() -> status(readiness) == 200);
            assertThat(Long.parseLong(Files.readString(data.resolve("kafka").resolve("kafka.pid")).trim()))
                    .isNotEqualTo(brokerPid);
            awaitIndexed(gateway, upload(gateway, workspace, "after the broker came back"));
        }
    }

    private static long upload(GatewayClient gateway, long workspace, String label) {
        byte[] text = ("# " + label + "\n\n## Backups\n\nBackups run nightly (" + label + ").\n")
                .getBytes(StandardCharsets.UTF_8);
        GatewayClient.Response response = gateway.upload(workspace, label.replace(' ', '-') + ".md", text, true);
        assertThat(response.status()).isEqualTo(201);
        return response.body().path("id").asLong();
    }

    private static void awaitIndexed(GatewayClient gateway, long document) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> gateway.document(document).path("status").asText(), s -> s.equals("indexed"));
    }

    private static int status(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception unreachable) {
            return -1;
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
