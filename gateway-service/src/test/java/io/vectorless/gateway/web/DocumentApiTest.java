package io.vectorless.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.vectorless.gateway.support.GatewayTestBase;
import io.vectorless.gateway.support.Http;
import io.vectorless.schema.event.DocumentDeleted;
import io.vectorless.schema.event.DocumentUploaded;
import io.vectorless.schema.ContractFixturesTest.ContractSamples;
import io.vectorless.schema.EventJson;
import io.vectorless.schema.store.ObjectKeys;
import io.vectorless.support.storage.ObjectStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DocumentApiTest extends GatewayTestBase {
    private static final List<String> SPEC_FIELDS = List.of("id", "workspace_id", "username", "file_name",
            "file_hash", "file_size", "doc_title", "root_summary", "node_count", "image_count", "page_count",
            "created_at");

    @Autowired
    ObjectStore objects;
    @Autowired
    io.vectorless.gateway.documents.storage.DocumentStore docs;

    @Test
    void uploadAnswers201QueuedWithEverySpecFieldAndPublishesUploaded() throws Exception {
        long ws = workspace();
        String content = unique("# Title\n\nSome markdown text");

        Http.Response response = http.upload(ws, "notes.md", content);

        assertThat(response.status()).isEqualTo(201);
        JsonNode doc = response.json();
        assertThat(doc.fieldNames()).toIterable().containsAll(SPEC_FIELDS);
        assertThat(doc.get("workspace_id").asLong()).isEqualTo(ws);
        assertThat(doc.get("username").asText()).isEqualTo("alice");
        assertThat(doc.get("file_name").asText()).isEqualTo("notes.md");
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                .digest(content.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.get("file_hash").asText()).isEqualTo(md5);
        assertThat(doc.get("file_size").asLong()).isEqualTo(content.getBytes(StandardCharsets.UTF_8).length);
        assertThat(doc.get("doc_title").isNull()).isTrue();
        assertThat(doc.get("node_count").isNull()).isTrue();
        assertThat(doc.get("status").asText()).isEqualTo("queued");
        assertThat(doc.get("progress").asDouble()).isZero();
        assertThat(doc.get("error").isNull()).isTrue();
        assertThat(doc.get("version").asInt()).isEqualTo(1);

        long id = doc.get("id").asLong();
        await().atMost(Duration.ofSeconds(30)).until(() -> !tap.uploaded(id).isEmpty());
        DocumentUploaded uploaded = tap.uploaded(id).get(0);
        assertThat(uploaded.version()).isEqualTo(1);
        assertThat(uploaded.uploadId()).isNotBlank();
        String key = ObjectKeys.original(ws, id, 1, uploaded.uploadId());
        assertThat(uploaded.objectKey()).isEqualTo(key);
        assertThat(new String(objects.getBytes(key), StandardCharsets.UTF_8)).isEqualTo(content);
        assertThat(ContractSamples.fieldNames(EventJson.write(uploaded)))
                .isEqualTo(ContractSamples.fieldNames(ContractSamples.fixture("document-uploaded.json")));
        assertThat(uploaded.fileHash()).isEqualTo(md5);
        assertThat(uploaded.contentType()).isEqualTo("text/markdown");
        assertThat(uploaded.username()).isEqualTo("alice");
    }

    @Test
    void sameFileInSameWorkspaceReturnsTheExistingDocumentWith200() {
        long ws = workspace();
        String content = unique("duplicate content");
        Http.Response first = http.upload(ws, "a.txt", content);

        Http.Response second = http.upload(ws, "b.txt", content);
        Http.Response elsewhere = http.upload(workspace(), "a.txt", content);

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
        assertThat(second.json().get("file_name").asText()).isEqualTo("a.txt");
        assertThat(elsewhere.status()).isEqualTo(201);
        assertThat(elsewhere.json().get("id").asLong()).isNotEqualTo(first.json().get("id").asLong());
    }

    @Test
    void storeRefusesASecondRecordOfTheSameFileInAWorkspace() {
        long ws = workspace();
        JsonNode existing = uploadText(ws, 600);
        io.vectorless.gateway.domain.DocumentRecord twin = io.vectorless.gateway.domain.DocumentRecord.uploaded(
                existing.get("id").asLong() + 1_000_000, ws, "bob", "twin.txt", existing.get("file_hash").asText(),
                600, "text/plain", false, java.time.Instant.now());

        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> docs.insert(twin)))
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
    }

    @Test
    void rejectsBadFilesAndFieldsWith400() {
        long ws = workspace();
        Map<String, Object> noFile = new LinkedHashMap<>();
        noFile.put("workspace_id", ws);
        noFile.put("username", "alice");
        Map<String, Object> noWorkspace = new LinkedHashMap<>();
        noWorkspace.put("file", Http.FilePart.of("a.txt", "x"));
        noWorkspace.put("username", "alice");
        Map<String, Object> badWorkspace = new LinkedHashMap<>(noWorkspace);
        badWorkspace.put("workspace_id", "abc");
        Map<String, Object> noUser = new LinkedHashMap<>();
        noUser.put("file", Http.FilePart.of("a.txt", unique("x")));
        noUser.put("workspace_id", ws);

        Http.Response empty = http.upload(ws, "empty.txt", new byte[0]);
        Http.Response exe = http.upload(ws, "virus.exe", "MZ");
        Http.Response noExtension = http.upload(ws, "README", "text");

        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("detail").asText()).contains("empty");
        assertThat(exe.status()).isEqualTo(400);
        assertThat(exe.json().get("detail").asText()).contains("Unsupported file type");
        assertThat(noExtension.status()).isEqualTo(400);
        for (Map<String, Object> fields : List.of(noFile, noWorkspace, badWorkspace, noUser)) {
            Http.Response response = http.multipart("/api/documents/upload", fields);
            assertThat(response.status()).as(fields.keySet().toString()).isEqualTo(400);
            assertThat(response.json().get("detail").asText()).isNotBlank();
        }
    }

    @Test
    void acceptsEverySupportedType() {
        long ws = workspace();
        for (String name : List.of("a.pdf", "b.md", "c.markdown", "d.txt", "e.docx", "f.PPTX")) {
            assertThat(http.upload(ws, name, unique(name)).status()).as(name).isEqualTo(201);
        }
    }

    @Test
    void quickIndexTravelsWithTheUploadedEvent() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("file", Http.FilePart.of("q.md", unique("# quick")));
        fields.put("workspace_id", workspace());
        fields.put("username", "carol");
        fields.put("quick_index", "true");

        Http.Response response = http.multipart("/api/documents/upload", fields);

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("quick_index").asBoolean()).isTrue();
        long id = response.json().get("id").asLong();
        await().atMost(Duration.ofSeconds(30)).until(() -> !tap.uploaded(id).isEmpty());
        assertThat(tap.uploaded(id).get(0).quickIndex()).isTrue();
        assertThat(tap.uploaded(id).get(0).username()).isEqualTo("carol");
    }

    @Test
    void malformedBodiesAndWrongContentTypesAreClientErrors() {
        long ws = workspace();
        long id = uploadText(ws, 600).get("id").asLong();

        Http.Response malformed = http.patchJson("/api/documents/" + id, "{\"doc_title\": ");
        Http.Response notMultipart = http.postJson("/api/documents/upload", Map.of("workspace_id", ws));
        Http.Response badQuickIndex = http.multipart("/api/documents/upload", Map.of(
                "file", Http.FilePart.of("a.txt", unique("a")), "workspace_id", ws, "username", "a",
                "quick_index", "perhaps"));

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("detail").asText()).isNotBlank();
        assertThat(notMultipart.status()).isEqualTo(415);
        assertThat(notMultipart.json().get("detail").asText()).isNotBlank();
        assertThat(badQuickIndex.status()).isEqualTo(400);
        assertThat(badQuickIndex.json().get("detail").asText()).contains("quick_index");
    }

    @Test
    void uploadToUnknownWorkspaceIs404() {
        Http.Response response = http.upload(987654321L, "a.txt", "hello");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("detail").asText()).contains("987654321");
    }

    @Test
    void uploadOverTheSizeLimitIs413() {
        byte[] big = new byte[1_200_000];
        java.util.Arrays.fill(big, (byte) 'a');

        Http.Response response = http.upload(workspace(), "big.txt", big);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("detail").asText()).contains("maximum upload size");
    }

    @Test
    void getsListsAndPatchesDocuments() {
        long ws = workspace();
        long id = uploadText(ws, 700).get("id").asLong();

        Http.Response one = http.get("/api/documents/" + id);
        Http.Response list = http.get("/api/documents?workspace_id=" + ws);
        Http.Response patched = http.patchJson("/api/documents/" + id,
                Map.of("file_name", "renamed_paper.pdf", "doc_title", "Updated Title"));

        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().get("status").asText()).isEqualTo("queued");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json()).hasSize(1);
        assertThat(list.json().get(0).get("id").asLong()).isEqualTo(id);
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().get("file_name").asText()).isEqualTo("renamed_paper.pdf");
        assertThat(patched.json().get("doc_title").asText()).isEqualTo("Updated Title");
        assertThat(http.get("/api/documents/" + id).json().get("doc_title").asText()).isEqualTo("Updated Title");
    }

    @Test
    void unknownDocumentIs404Everywhere() {
        assertThat(http.get("/api/documents/55555555").status()).isEqualTo(404);
        assertThat(http.patchJson("/api/documents/55555555", Map.of("doc_title", "x")).status()).isEqualTo(404);
        assertThat(http.delete("/api/documents/55555555").status()).isEqualTo(404);
        assertThat(http.post("/api/documents/55555555/reindex").status()).isEqualTo(404);
        assertThat(http.get("/api/documents/55555555/tree").status()).isEqualTo(404);
        assertThat(http.get("/api/documents/55555555/tree/root").json().get("detail").asText()).contains("55555555");
        assertThat(http.get("/api/documents?workspace_id=55555555").status()).isEqualTo(404);
        assertThat(http.get("/api/documents").status()).isEqualTo(400);
    }

    @Test
    void deleteRemovesRecordAndOriginalAndAnnouncesIt() {
        long ws = workspace();
        long id = uploadText(ws, 600).get("id").asLong();
        await().atMost(Duration.ofSeconds(30)).until(() -> !tap.uploaded(id).isEmpty());
        String key = tap.uploaded(id).get(0).objectKey();
        assertThat(objects.exists(key)).isTrue();

        Http.Response deleted = http.delete("/api/documents/" + id);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("status").asText()).isEqualTo("deleted");
        assertThat(deleted.json().get("doc_id").asLong()).isEqualTo(id);
        assertThat(http.get("/api/documents/" + id).status()).isEqualTo(404);
        assertThat(objects.exists(key)).isFalse();
        await().atMost(Duration.ofSeconds(30)).until(() -> tap.deleted(id).stream()
                .anyMatch(DocumentDeleted::wholeDocument));
    }

    @Test
    void reindexPublishesUploadedAgainForTheCurrentVersion() {
        long ws = workspace();
        long id = uploadText(ws, 600).get("id").asLong();
        failed(id, 1, ws, "parser crashed");
        awaitDocument(id, d -> d.get("status").asText().equals("failed"));

        Http.Response reindexed = http.post("/api/documents/" + id + "/reindex");

        assertThat(reindexed.status()).isEqualTo(202);
        assertThat(reindexed.json().get("status").asText()).isEqualTo("queued");
        assertThat(reindexed.json().get("error").isNull()).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> tap.uploaded(id).size() >= 2);
        assertThat(tap.uploaded(id)).allMatch(e -> e.version() == 1);
        status(id, 1, ws, io.vectorless.schema.event.DocumentStatus.PARSING, 10);
        awaitDocument(id, d -> d.get("status").asText().equals("parsing"));
    }
}
