package io.vectorless.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The stack as {@code ./run.sh} runs it, in a child JVM: killed with SIGKILL in the middle of a burst of uploads
 * (with earlier ones being parsed and indexed) and started again on the same data, it loses, repeats, mixes and
 * strands nothing it acknowledged; then, under the restarted stack, the Kafka broker stops and starts again, and
 * uploads made while it was away end indexed, none reported failed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashRecoveryTest {
    /** Under target/, so the stack's logs outlive a failed run. */
    private final Path data = Path.of("target", "crash-recovery-" + System.currentTimeMillis()).toAbsolutePath();
    private StackProcess stack;

    @AfterAll
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void killMinus9MidBurstLosesRepeatsMixesAndStrandsNothingAcknowledged() {
        CrashTrial.Result trial = CrashTrial.run(data.resolve("stack"), CrashTrial.Settings.standard(),
                data.resolve("stack.log"));
        stack = trial.stack();
        CrashTrial.Outcome outcome = trial.outcome();

        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.acknowledged()).isGreaterThanOrEqualTo(CrashTrial.Settings.standard().killAfter());
        assertThat(outcome.clean()).isTrue();
    }

    @Test
    @Order(2)
    void uploadsWhileTheBrokerIsAwayEndIndexedAndNoneFailed() throws Exception {
        assertThat(stack).as("the crash trial left a running stack").isNotNull();
        GatewayClient gateway = new GatewayClient(stack.gatewayUrl());
        long workspace = gateway.createWorkspace("broker outage " + UUID.randomUUID());
        ProcessHandle broker = stack.kafkaBroker().orElseThrow();

        // the broker dies outright; the stack's supervisor is what brings it back
        broker.destroyForcibly();
        broker.onExit().get(3, TimeUnit.MINUTES);
        List<Long> duringOutage = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            GatewayClient.Response response = gateway.upload(workspace, "outage-" + i + ".md",
                    CrashTrial.document("outagemark" + i + UUID.randomUUID().toString().replace("-", "")), true);
            assertThat(response.status()).isEqualTo(201);
            assertThat(response.body().path("status").asText()).isEqualTo("queued");
            duringOutage.add(response.body().path("id").asLong());
        }
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (long id : duringOutage) {
                JsonNode doc = gateway.document(id);
                assertThat(doc.path("status").asText()).as("document %d: %s", id, doc).isEqualTo("indexed");
            }
        });
    }
}
