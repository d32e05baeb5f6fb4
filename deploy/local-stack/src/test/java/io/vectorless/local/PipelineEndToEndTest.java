package io.vectorless.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole system through its front door: all four services on the embedded servers, documents uploaded over HTTP,
 * parsed and indexed through Kafka, trees read back and questions answered from the right section.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineEndToEndTest {
    @TempDir
    static Path data;
    static LocalStack stack;
    static GatewayClient gateway;
    static long workspace;

    @BeforeAll
    static void startStack() {
        stack = LocalStack.start(LocalStack.Config.forTests(data, Map.of()));
        gateway = new GatewayClient(stack.gatewayUrl());
        workspace = gateway.createWorkspace("End-to-end");
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    static JsonNode awaitFinalStatus(long documentId) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
            String status = gateway.document(documentId).path("status").asText();
            return status.equals("indexed") || status.equals("failed");
        });
        return gateway.document(documentId);
    }

    static List<JsonNode> flatten(JsonNode node) {
        List<JsonNode> all = new ArrayList<>();
        all.add(node);
        for (JsonNode child : node.path("children")) {
            all.addAll(flatten(child));
        }
        return all;
    }

    static JsonNode nodeTitled(JsonNode tree, String title) {
        return flatten(tree).stream().filter(n -> n.path("title").asText().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no node titled " + title + " in " + tree));
    }

    @Test
    @Order(1)
    void indexesAMarkdownFileAndAnswersFromTheSectionHoldingTheFact() {
        GatewayClient.Response upload = gateway.upload(workspace, "handbook.md", SampleDocuments.markdownHandbook(), true);
        assertThat(upload.status()).isEqualTo(201);
        assertThat(upload.body().path("status").asText()).isIn("queued", "parsing", "parsed", "indexing", "indexed");
        long id = upload.body().path("id").asLong();

        JsonNode document = awaitFinalStatus(id);
        assertThat(document.path("status").asText()).as(document.toString()).isEqualTo("indexed");
        assertThat(document.path("node_count").asInt()).isGreaterThanOrEqualTo(5);

        JsonNode tree = gateway.get("/api/documents/" + id + "/tree").body();
        assertThat(tree.path("node_id").asText()).isEqualTo("root");
        JsonNode drills = nodeTitled(tree, "Restore Drills");
        JsonNode backup = nodeTitled(tree, "Backup Policy");
        assertThat(drills.path("node_id").asText()).startsWith(backup.path("node_id").asText() + ".");
        assertThat(nodeTitled(tree, "Security Architecture").path("node_id").asText()).matches("\\d+(\\.\\d+)*");

        GatewayClient.Response answer = gateway.post("/api/chat/query", Map.of("workspace_id", workspace,
                "query", "How long may the quarterly restore drill take?", "username", "default"));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("node_ids").get(0).asText()).isEqualTo(drills.path("node_id").asText());
        assertThat(answer.body().path("answer").asText()).contains("four hours").contains("Restore Drills");
        assertThat(answer.body().path("context").asText()).contains("Restore Drills");
        assertThat(answer.body().path("routed_docs").get(0).path("doc_id").asLong()).isEqualTo(id);
    }

    @Test
    @Order(2)
    void aCorruptPdfFailsWithAReasonAndTheNextPdfStillIndexesWithItsOutline() {
        long corrupt = gateway.upload(workspace, "broken.pdf", SampleDocuments.corruptPdf(), true).body().path("id").asLong();
        long good = gateway.upload(workspace, "mission.pdf", SampleDocuments.pdfWithOutline(), true).body().path("id").asLong();

        JsonNode failed = awaitFinalStatus(corrupt);
        assertThat(failed.path("status").asText()).isEqualTo("failed");
        assertThat(failed.path("error").asText()).isNotBlank();

        JsonNode indexed = awaitFinalStatus(good);
        assertThat(indexed.path("status").asText()).as(indexed.toString()).isEqualTo("indexed");
        assertThat(indexed.path("page_count").asInt()).isEqualTo(5);

        JsonNode tree = gateway.get("/api/documents/" + good + "/tree").body();
        List<JsonNode> nodes = flatten(tree).subList(1, flatten(tree).size());
        assertThat(nodes).extracting(n -> n.path("title").asText())
                .containsExactlyElementsOf(SampleDocuments.PDF_OUTLINE.stream().map(SampleDocuments.Heading::title).toList());
        assertThat(nodes).extracting(n -> n.path("node_id").asText()).containsExactly("1", "2", "2.1", "2.2", "3");
        assertThat(nodes).extracting(n -> n.path("pages").asText()).containsExactly("1", "2-4", "3", "4", "5");

        GatewayClient.Response answer = gateway.post("/api/chat/query", Map.of("workspace_id", workspace,
                "query", "What specific impulse does the xenon ion thruster reach?", "username", "default"));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("node_ids").get(0).asText()).isEqualTo("2.1");
        assertThat(answer.body().path("answer").asText()).contains("3100");
        assertThat(answer.body().path("routed_docs")).extracting(d -> d.path("doc_id").asLong()).contains(good);
    }

    @Test
    @Order(3)
    void docxPptxAndTextFilesIndexWithTheirOwnHeadingsAndAnswer() {
        long docx = gateway.upload(workspace, "warehouse.docx", OfficeSamples.docx(), true).body().path("id").asLong();
        long pptx = gateway.upload(workspace, "results.pptx", OfficeSamples.pptx(), true).body().path("id").asLong();
        long txt = gateway.upload(workspace, "greenhouse.txt", OfficeSamples.text(), true).body().path("id").asLong();

        for (long id : new long[]{docx, pptx, txt}) {
            JsonNode document = awaitFinalStatus(id);
            assertThat(document.path("status").asText()).as(document.toString()).isEqualTo("indexed");
        }
        assertThat(gateway.document(docx).path("doc_title").asText()).isEqualTo("Warehouse Manual");
        JsonNode docxTree = gateway.get("/api/documents/" + docx + "/tree").body();
        assertThat(nodeTitled(docxTree, "Cold Chain").path("node_id").asText())
                .startsWith(nodeTitled(docxTree, "Receiving").path("node_id").asText() + ".");
        JsonNode pptxTree = gateway.get("/api/documents/" + pptx + "/tree").body();
        assertThat(nodeTitled(pptxTree, "Hiring Plan").path("pages").asText()).isEqualTo("2");
        assertThat(gateway.document(pptx).path("page_count").asInt()).isEqualTo(3);
        JsonNode txtTree = gateway.get("/api/documents/" + txt + "/tree").body();
        assertThat(flatten(txtTree)).extracting(n -> n.path("title").asText())
                .contains("1. Overview", "2. Irrigation", "3. Harvest");

        assertThat(askFor("How many support engineers will be hired in Lisbon?")).isEqualTo(
                nodeTitled(pptxTree, "Hiring Plan").path("node_id").asText());
        assertThat(askFor("What temperature must frozen goods stay below during unloading?")).isEqualTo(
                nodeTitled(docxTree, "Cold Chain").path("node_id").asText());
        assertThat(askFor("How many litres do the drip lines deliver per plant?")).isEqualTo(
                nodeTitled(txtTree, "2. Irrigation").path("node_id").asText());
    }

    private static String askFor(String question) {
        JsonNode answer = gateway.post("/api/chat/query", Map.of("workspace_id", workspace, "query", question,
                "username", "default")).body();
        assertThat(answer.path("node_ids")).as(answer.toString()).isNotEmpty();
        return answer.path("node_ids").get(0).asText();
    }

    @Test
    @Order(4)
    void pictureOnAPdfPageIsStoredAttachedToItsSectionAndServedAsBase64() {
        long id = gateway.upload(workspace, "sales.pdf", OfficeSamples.illustratedPdf(), true).body().path("id").asLong();
        JsonNode document = awaitFinalStatus(id);
        assertThat(document.path("status").asText()).as(document.toString()).isEqualTo("indexed");
        assertThat(document.path("image_count").asInt()).isEqualTo(1);

        JsonNode tree = gateway.get("/api/documents/" + id + "/tree").body();
        String chartNode = nodeTitled(tree, "Sales Chart").path("node_id").asText();
        JsonNode detail = gateway.get("/api/documents/" + id + "/tree/" + chartNode).body();
        assertThat(detail.path("text").asText()).contains("4.2 million");
        assertThat(detail.path("images")).hasSize(1);
        assertThat(detail.path("images").get(0).path("media_type").asText()).isEqualTo("image/png");
        byte[] png = java.util.Base64.getDecoder().decode(detail.path("images").get(0).path("data").asText());
        assertThat(new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
        assertThat(gateway.get("/api/documents/" + id + "/tree/" + nodeTitled(tree, "Summary").path("node_id").asText())
                .body().path("images")).isEmpty();
    }

    @Test
    @Order(5)
    void hostileAndMislabelledFilesEndFailedWithAReason() {
        byte[] random = new byte[4096];
        new java.util.Random(7).nextBytes(random);
        long noise = gateway.upload(workspace, "noise.pdf", random, true).body().path("id").asLong();
        long disguised = gateway.upload(workspace, "actually-a-pdf.docx", SampleDocuments.pdfWithOutline(), true)
                .body().path("id").asLong();
        JsonNode failed = awaitFinalStatus(noise);
        assertThat(failed.path("status").asText()).isEqualTo("failed");
        assertThat(failed.path("error").asText()).isNotBlank();
        assertThat(awaitFinalStatus(disguised).path("status").asText()).isEqualTo("indexed");
        assertThat(gateway.upload(workspace, "empty.md", new byte[0], true).status()).isEqualTo(400);
        assertThat(gateway.get("/api/documents/987654").status()).isEqualTo(404);
    }

    @Test
    @Order(7)
    void scannedPdfHtmlAndEpubIndexWithTheirHeadingsAndTheirTextIsSearchable() {
        long scan = gateway.upload(workspace, "pumps-scan.pdf", FormatSamples.scannedPdf(), true).body()
                .path("id").asLong();
        long html = gateway.upload(workspace, "bakery.html", FormatSamples.html(), true).body().path("id").asLong();
        long epub = gateway.upload(workspace, "island.epub", FormatSamples.epub(), true).body().path("id").asLong();

        // OCR takes a second or two a page on a quiet machine, but far longer on a busy build machine
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500)).until(() -> List.of("indexed",
                "failed").contains(gateway.document(scan).path("status").asText()));
        for (long id : new long[]{scan, html, epub}) {
            JsonNode document = awaitFinalStatus(id);
            assertThat(document.path("status").asText()).as(document.toString()).isEqualTo("indexed");
        }
        JsonNode scanTree = gateway.get("/api/documents/" + scan + "/tree").body();
        assertThat(flatten(scanTree)).as(scanTree.toString()).anyMatch(n -> !n.path("node_id").asText().equals("root"));
        // the recognised text is searchable: the answer's first source is the scan
        JsonNode sandbags = gateway.post("/api/chat/query", Map.of("workspace_id", workspace, "query",
                "Where are the sandbags stored?", "username", "default")).body();
        assertThat(sandbags.path("sources")).as(sandbags.toString()).isNotEmpty();
        assertThat(sandbags.path("sources").get(0).path("doc_id").asLong()).as(sandbags.toString()).isEqualTo(scan);
        JsonNode htmlTree = gateway.get("/api/documents/" + html + "/tree").body();
        assertThat(askFor("What temperature is the deck oven preheated to?")).isEqualTo(
                nodeTitled(htmlTree, "Ovens").path("node_id").asText());
        JsonNode epubTree = gateway.get("/api/documents/" + epub + "/tree").body();
        assertThat(nodeTitled(epubTree, "First Night").path("node_id").asText())
                .startsWith(nodeTitled(epubTree, "Arrival").path("node_id").asText() + ".");
        assertThat(askFor("How often does the lighthouse lamp turn?")).isEqualTo(
                nodeTitled(epubTree, "The Lighthouse").path("node_id").asText());
    }

    @Test
    @Order(6)
    void healthAndServiceInfoAreOpenWhileTheApiNeedsTheKey() {
        assertThat(gateway.get("/health").body().path("status").asText()).isEqualTo("healthy");
        assertThat(gateway.get("/").body().path("name").asText()).isEqualTo("Vectorless RAG Backend");
        assertThat(new UnauthenticatedProbe(stack.gatewayUrl()).status("/api/workspaces")).isEqualTo(401);
    }

    @Test
    @Order(7)
    void servicesBehindTheGatewayListenOnLoopbackAndNeedTheKeyForAllButHealth() {
        List<ConfigurableApplicationContext> services = stack.services();
        for (ConfigurableApplicationContext service : services.subList(0, services.size() - 1)) {
            String name = service.getEnvironment().getProperty("spring.application.name");
            ServerProperties server = service.getBean(ServerProperties.class);
            assertThat(server.getAddress()).as(name).isNotNull();
            assertThat(server.getAddress().isLoopbackAddress()).as(name).isTrue();
            UnauthenticatedProbe probe = new UnauthenticatedProbe("http://127.0.0.1:"
                    + ((WebServerApplicationContext) service).getWebServer().getPort());
            assertThat(probe.status("/actuator/health/liveness")).as(name).isEqualTo(200);
            assertThat(probe.status("/actuator/prometheus")).as(name).isEqualTo(401);
            assertThat(probe.status("/actuator/info")).as(name).isEqualTo(401);
            assertThat(probe.status("/v3/api-docs")).as(name).isEqualTo(401);
        }
        assertThat(new UnauthenticatedProbe(stack.queryUrl()).status("/v1/models")).isEqualTo(401);
        assertThat(new UnauthenticatedProbe(stack.gatewayUrl()).status("/actuator/prometheus")).isEqualTo(401);
    }

    @Test
    @Order(8)
    void aUserKeyIndexesAndAsksInItsOwnWorkspaceAndCannotReachAnyoneElses() {
        GatewayClient.Response key = gateway.post("/api/keys", Map.of("username", "erin", "name", "e2e"));
        assertThat(key.status()).isEqualTo(201);
        GatewayClient erin = new GatewayClient(stack.gatewayUrl(), key.body().path("key").asText(), "erin");
        long own = erin.createWorkspaceOwnedBy("Erin's", "erin");
        GatewayClient.Response upload = erin.upload(own, "handbook.md", SampleDocuments.markdownHandbook(), true);
        assertThat(upload.status()).as(upload.raw()).isEqualTo(201);
        long id = upload.body().path("id").asLong();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> erin.document(id).path("status").asText(), s -> s.equals("indexed") || s.equals("failed"));

        GatewayClient.Response answer = erin.post("/v1/chat/completions", Map.of("model", "pageindex-ws-" + own,
                "messages", List.of(Map.of("role", "user", "content", "How long may the quarterly restore drill take?"))));
        GatewayClient.Response others = erin.post("/v1/chat/completions", Map.of("model", "pageindex-ws-" + workspace,
                "messages", List.of(Map.of("role", "user", "content", "What is in here?"))));
        GatewayClient.Response models = erin.get("/v1/models");

        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        assertThat(answer.body().path("choices").get(0).path("message").path("content").asText())
                .contains("four hours");
        assertThat(others.status()).isEqualTo(404);
        assertThat(models.body().path("data").findValuesAsText("id")).containsExactly("pageindex-ws-" + own);
        assertThat(erin.get("/api/documents?workspace_id=" + workspace).status()).isEqualTo(404);
        assertThat(erin.post("/api/chat/query", Map.of("workspace_id", workspace, "query", "anything")).status())
                .isEqualTo(404);
    }

    @Test
    @Order(9)
    void aTitleAndFileNameSetByAPersonSurviveReindexingAndReplacement() {
        byte[] first = (new String(SampleDocuments.markdownHandbook(), java.nio.charset.StandardCharsets.UTF_8)
                + "\n\nRevision one.\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        long id = gateway.upload(workspace, "handbook-r1.md", first, true).body().path("id").asLong();
        assertThat(awaitFinalStatus(id).path("doc_title").asText()).isNotBlank().isNotEqualTo("Ops handbook (ours)");

        GatewayClient.Response edited = gateway.patch("/api/documents/" + id,
                Map.of("doc_title", "Ops handbook (ours)", "file_name", "ops-handbook.md"));
        assertThat(edited.status()).isEqualTo(200);
        assertThat(gateway.post("/api/documents/" + id + "/reindex", Map.of()).status()).isEqualTo(202);
        JsonNode reindexed = awaitFinalStatus(id);
        assertThat(reindexed.path("status").asText()).as(reindexed.toString()).isEqualTo("indexed");
        assertThat(reindexed.path("doc_title").asText()).isEqualTo("Ops handbook (ours)");

        byte[] second = (new String(first, java.nio.charset.StandardCharsets.UTF_8) + "Revision two.\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(gateway.replace(id, "handbook-r2.md", second, true).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> gateway.document(id).path("indexed_version").asInt() == 2);
        JsonNode replaced = gateway.document(id);
        assertThat(replaced.path("doc_title").asText()).isEqualTo("Ops handbook (ours)");
        assertThat(replaced.path("file_name").asText()).isEqualTo("ops-handbook.md");
        assertThat(gateway.get("/api/documents/" + id + "/tree").body().path("title").asText())
                .isEqualTo("Ops handbook (ours)");
    }

    @Test
    @Order(10)
    void aTitleSetByAPersonIsWhatAnswersCiteAndStaysSoAfterAReindex() {
        long titles = gateway.createWorkspace("Edited titles");
        long id = gateway.upload(titles, "handbook.md", SampleDocuments.markdownHandbook(), true).body().path("id")
                .asLong();
        assertThat(awaitFinalStatus(id).path("status").asText()).isEqualTo("indexed");
        Map<String, Object> question = Map.of("workspace_id", titles,
                "query", "How long may the quarterly restore drill take?", "username", "default");

        assertThat(gateway.patch("/api/documents/" + id, Map.of("doc_title", "Our runbook")).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                citedTitle(gateway.post("/api/chat/query", question).body()).equals("Our runbook"));

        assertThat(gateway.post("/api/documents/" + id + "/reindex", Map.of()).status()).isEqualTo(202);
        assertThat(awaitFinalStatus(id).path("doc_title").asText()).isEqualTo("Our runbook");
        JsonNode answer = gateway.post("/api/chat/query", question).body();
        assertThat(answer.path("answer").asText()).contains("four hours");
        assertThat(citedTitle(answer)).isEqualTo("Our runbook");
        assertThat(answer.path("routed_docs").get(0).path("doc_title").asText()).isEqualTo("Our runbook");
    }

    @Test
    @Order(11)
    void aVersionIndexedByAnOlderReleaseAnswersOnceTheIndexerHasGivenItAnIndex() {
        long upgraded = gateway.createWorkspace("Upgraded");
        long id = 4_000_000_000L + System.nanoTime() % 1_000_000;
        OlderRelease.indexedWithNodesOnly(stack, upgraded, id, "Legacy Manual",
                "Restore drills may take at most four hours and run every quarter.");
        Map<String, Object> question = Map.of("workspace_id", upgraded,
                "query", "How long may the quarterly restore drill take?", "username", "default");

        OlderRelease.restartBackfill(stack);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                gateway.post("/api/chat/query", question).body().path("answer").asText().contains("four hours"));
        assertThat(gateway.post("/api/chat/query", question).body().path("sources").get(0).path("doc_id").asLong())
                .isEqualTo(id);
    }

    private static String citedTitle(JsonNode answer) {
        return answer.path("sources").path(0).path("doc_title").asText();
    }
}
