package io.vectorless.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Stop the whole stack and start it again on the same data directory: workspaces, documents and trees are kept. */
class RestartTest {

    @Test
    void documentsTreesAndAnswersSurviveARestartOfTheStack(@TempDir Path data) {
        long workspace;
        long document;
        JsonNode treeBefore;
        try (LocalStack first = LocalStack.start(LocalStack.Config.forTests(data, Map.of()))) {
            GatewayClient gateway = new GatewayClient(first.gatewayUrl());
            workspace = gateway.createWorkspace("Kept across restarts");
            document = gateway.upload(workspace, "handbook.md", SampleDocuments.markdownHandbook(), true).body().path("id").asLong();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .until(() -> gateway.document(document).path("status").asText().equals("indexed"));
            treeBefore = gateway.get("/api/documents/" + document + "/tree").body();
        }

        try (LocalStack second = LocalStack.start(LocalStack.Config.forTests(data, Map.of()))) {
            GatewayClient gateway = new GatewayClient(second.gatewayUrl());
            assertThat(gateway.get("/api/workspaces").body()).extracting(w -> w.path("id").asLong()).contains(workspace);
            JsonNode kept = gateway.document(document);
            assertThat(kept.path("status").asText()).isEqualTo("indexed");
            assertThat(gateway.get("/api/documents/" + document + "/tree").body()).isEqualTo(treeBefore);
            JsonNode answer = gateway.post("/api/chat/query", Map.of("workspace_id", workspace,
                    "query", "When are nightly backups taken?", "username", "default")).body();
            assertThat(answer.path("answer").asText()).contains("02:00");
            long next = gateway.createWorkspace("Created after the restart");
            assertThat(next).isGreaterThan(workspace);
        }
    }
}
