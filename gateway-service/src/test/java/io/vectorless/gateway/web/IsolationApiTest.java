package io.vectorless.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.vectorless.gateway.support.FakeQueryService;
import io.vectorless.gateway.support.GatewayTestBase;
import io.vectorless.gateway.support.Http;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Per-user API keys: what the admin manages, and that a user key sees its own workspaces and nothing else. */
class IsolationApiTest extends GatewayTestBase {
    @Autowired
    MongoTemplate mongo;

    private String alice;
    private String bob;
    private Http asAlice;
    private Http asBob;

    @BeforeEach
    void users() {
        alice = unique("alice");
        bob = unique("bob");
        asAlice = new Http(port, createKey(alice).get("key").asText());
        asBob = new Http(port, createKey(bob).get("key").asText());
    }

    private JsonNode createKey(String username) {
        Http.Response created = http.postJson("/api/keys", Map.of("username", username, "name", "laptop"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private long workspaceOf(Http client, String owner) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", unique("ws"));
        if (owner != null) {
            body.put("owner_username", owner);
        }
        Http.Response created = client.postJson("/api/workspaces", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    @Test
    void adminCreatesListsAndRevokesKeysThatAreStoredOnlyAsHashes() throws Exception {
        String user = unique("carol");
        JsonNode created = createKey(user);
        String key = created.get("key").asText();
        Http asCarol = new Http(port, key);

        assertThat(key).startsWith("vl-").hasSizeGreaterThan(40);
        assertThat(created.get("username").asText()).isEqualTo(user);
        assertThat(key).startsWith(created.get("key_prefix").asText());
        Document stored = mongo.getCollection("api_keys").find(new Document("_id", created.get("id").asText()))
                .first();
        assertThat(stored).isNotNull();
        assertThat(stored.toJson()).doesNotContain(key);
        assertThat(stored.getString("key_sha256")).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8))));
        JsonNode listed = http.get("/api/keys?username=" + user).json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).has("key")).isFalse();
        assertThat(asCarol.get("/api/workspaces").status()).isEqualTo(200);

        Http.Response revoked = http.delete("/api/keys/" + created.get("id").asText());

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().get("status").asText()).isEqualTo("deleted");
        assertThat(asCarol.get("/api/workspaces").status()).isEqualTo(401);
        assertThat(http.delete("/api/keys/" + created.get("id").asText()).status()).isEqualTo(404);
    }

    @Test
    void aUserKeyListsAndChangesOnlyItsOwnWorkspaces() {
        long mine = workspaceOf(asAlice, null);
        long theirs = workspaceOf(asBob, bob);

        JsonNode listed = asAlice.get("/api/workspaces").json();

        assertThat(listed.findValuesAsText("id")).containsExactly(Long.toString(mine));
        assertThat(listed.get(0).get("owner_username").asText()).isEqualTo(alice);
        assertThat(asAlice.get("/api/workspaces?owner_username=" + bob).status()).isEqualTo(403);
        assertThat(asAlice.postJson("/api/workspaces", Map.of("name", "x", "owner_username", bob)).status())
                .isEqualTo(403);
        Http.Response patch = asAlice.patchJson("/api/workspaces/" + theirs, Map.of("name", "mine now"));
        assertThat(patch.status()).isEqualTo(404);
        assertThat(patch.json().get("detail").asText()).isEqualTo("Workspace " + theirs + " not found");
        assertThat(asAlice.delete("/api/workspaces/" + theirs).status()).isEqualTo(404);
        assertThat(http.get("/api/workspaces?owner_username=" + bob).json().findValuesAsText("id"))
                .containsExactly(Long.toString(theirs));
    }

    @Test
    void everyDocumentEndpointAnswers404ForAnotherUsersDocument() {
        long theirs = workspaceOf(http, bob);
        long docId = uploadText(theirs, 200).get("id").asLong();
        String doc = "/api/documents/" + docId;
        Http.Response unknown = asAlice.get("/api/documents/999999999");

        List<Http.Response> answers = List.of(
                asAlice.get(doc), asAlice.get(doc + "/tree"), asAlice.get(doc + "/tree/1"),
                asAlice.get(doc + "/events"), asAlice.patchJson(doc, Map.of("doc_title", "x")),
                asAlice.post(doc + "/reindex"), asAlice.delete(doc),
                asAlice.multipart(doc + "/replace", Map.of("file", Http.FilePart.of("v2.txt", "new text"))));

        assertThat(unknown.status()).isEqualTo(404);
        for (Http.Response answer : answers) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(404);
            assertThat(answer.json().get("detail").asText()).isEqualTo("Document " + docId + " not found");
        }
        Http.Response list = asAlice.get("/api/documents?workspace_id=" + theirs);
        Http.Response upload = asAlice.upload(theirs, "a.txt", "text");
        assertThat(list.status()).isEqualTo(404);
        assertThat(list.json().get("detail").asText()).isEqualTo("Workspace " + theirs + " not found");
        assertThat(upload.status()).isEqualTo(404);
        assertThat(asBob.get(doc).status()).isEqualTo(200);
        assertThat(http.get(doc).json().get("status").asText()).isNotEqualTo("deleted");
    }

    @Test
    void aUserUploadsAsItselfIntoItsOwnWorkspace() {
        long mine = workspaceOf(asAlice, null);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("file", Http.FilePart.of(unique("notes") + ".txt", unique("own text")));
        fields.put("workspace_id", mine);

        Http.Response uploaded = asAlice.multipart("/api/documents/upload", fields);
        fields.put("username", bob);
        Http.Response asSomeoneElse = asAlice.multipart("/api/documents/upload", fields);

        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        assertThat(uploaded.json().get("username").asText()).isEqualTo(alice);
        assertThat(asSomeoneElse.status()).isEqualTo(403);
        assertThat(asAlice.get("/api/documents?workspace_id=" + mine).json()).hasSize(1);
    }

    @Test
    void chatAndModelsAreScopedBeforeAnythingReachesQueryService() {
        long mine = workspaceOf(asAlice, null);
        long theirs = workspaceOf(asBob, null);
        FakeQueryService fake = FakeQueryService.shared();

        JsonNode models = asAlice.get("/v1/models").json();
        JsonNode allModels = http.get("/v1/models").json();

        assertThat(models.get("data").findValuesAsText("id")).containsExactly("pageindex-ws-" + mine);
        assertThat(allModels.get("data").findValuesAsText("id"))
                .contains("pageindex-ws-" + mine, "pageindex-ws-" + theirs);

        fake.handle(exchange -> FakeQueryService.json(exchange, "{\"answer\":\"ok\"}"));
        Http.Response otherModel = asAlice.postJson("/v1/chat/completions", Map.of("model", "pageindex-ws-" + theirs,
                "messages", List.of(Map.of("role", "user", "content", "hi"))));
        Http.Response otherQuery = asAlice.postJson("/api/chat/query", Map.of("workspace_id", theirs, "query", "hi"));
        Http.Response asBobQuery = asAlice.postJson("/api/chat/query", Map.of("workspace_id", mine, "query", "hi",
                "username", bob));

        assertThat(otherModel.status()).isEqualTo(404);
        assertThat(otherModel.json().get("error").get("code").asText()).isEqualTo("model_not_found");
        assertThat(otherQuery.status()).isEqualTo(404);
        assertThat(otherQuery.json().get("detail").asText()).isEqualTo("Workspace " + theirs + " not found");
        assertThat(asBobQuery.status()).isEqualTo(403);
        assertThat(fake.seen()).isEmpty();

        Http.Response ownQuery = asAlice.postJson("/api/chat/query", Map.of("workspace_id", mine, "query", "hi"));
        Http.Response ownModel = asAlice.postJson("/v1/chat/completions", Map.of("model", "pageindex-ws-" + mine,
                "messages", List.of(Map.of("role", "user", "content", "hi"))));

        assertThat(ownQuery.status()).isEqualTo(200);
        assertThat(ownModel.status()).isEqualTo(200);
        assertThat(fake.seen()).hasSize(2);
        FakeQueryService.Seen query = fake.seen().get(0);
        assertThat(new String(query.body(), StandardCharsets.UTF_8)).contains("\"username\":\"" + alice + "\"");
        assertThat(query.headers().getFirst("Authorization")).isEqualTo("Bearer " + Http.KEY);
    }

    @Test
    void aUserKeyCannotOpenAnotherUsersModelNorTheOperatorEndpoints() {
        long mine = workspaceOf(asAlice, null);
        long theirs = workspaceOf(asBob, null);
        Http.Response other = asAlice.get("/v1/models/pageindex-ws-" + theirs);
        Http.Response own = asAlice.get("/v1/models/pageindex-ws-" + mine);

        assertThat(other.status()).isEqualTo(404);
        assertThat(other.json().get("error").get("code").asText()).isEqualTo("model_not_found");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().get("id").asText()).isEqualTo("pageindex-ws-" + mine);
        for (String path : List.of("/actuator/prometheus", "/actuator/info", "/actuator/metrics")) {
            Http.Response asUser = asAlice.get(path);
            assertThat(asUser.status()).as(path).isEqualTo(403);
            assertThat(asUser.json().get("detail").asText()).isEqualTo("Operator endpoints need the admin key");
            assertThat(http.get(path).status()).as("admin key on " + path).isNotIn(401, 403);
        }
        assertThat(asAlice.postJson("/actuator/statusreplay", Map.of()).status()).isEqualTo(403);
        assertThat(asAlice.postJson("/actuator/orphansweep", Map.of()).status()).isEqualTo(403);
        assertThat(asAlice.get("/actuator/health").status()).isIn(200, 503);
    }

    @Test
    void ragIndexEndpointsTreatAnotherUsersDocumentAsUnknown() {
        long theirs = workspaceOf(http, bob);
        long docId = uploadText(theirs, 800).get("id").asLong();
        JsonNode made = http.postJson("/v1/voiceai/knowledge-base/rag-index", Map.of("items", List.of(Map.of(
                "document_id", Long.toString(docId), "create_if_missing", true,
                "model", "e5_mistral_7b_instruct")))).json();
        String indexId = made.get(Long.toString(docId)).get("data").get("id").asText();

        JsonNode batch = asAlice.postJson("/v1/voiceai/knowledge-base/rag-index", Map.of("items", List.of(Map.of(
                "document_id", Long.toString(docId), "create_if_missing", true,
                "model", "e5_mistral_7b_instruct")))).json();

        assertThat(batch.get(Long.toString(docId)).get("status").asText()).isEqualTo("failure");
        assertThat(batch.get(Long.toString(docId)).get("error_code").asInt()).isEqualTo(404);
        assertThat(asAlice.get("/v1/voiceai/knowledge-base/" + docId + "/rag-index").status()).isEqualTo(404);
        assertThat(asAlice.delete("/v1/voiceai/knowledge-base/" + docId + "/rag-index/" + indexId).status())
                .isEqualTo(404);
        assertThat(asAlice.get("/v1/voiceai/knowledge-base/rag-index?workspace_id=" + theirs).status())
                .isEqualTo(404);
        assertThat(asAlice.get("/v1/voiceai/knowledge-base/rag-index").json().get("total_used_bytes").asLong())
                .isZero();
        assertThat(asBob.get("/v1/voiceai/knowledge-base/" + docId + "/rag-index").json().get("indexes"))
                .hasSize(1);
    }

    @Test
    void anUnknownKeyIsRejectedWhateverItLooksLike() {
        assertThat(new Http(port, "vl-" + "A".repeat(43)).get("/api/workspaces").status()).isEqualTo(401);
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/keys")).GET())
                .status()).isEqualTo(401);
    }

    @Test
    void keyManagementIsInTheApiDescriptionAndTheCallerIsNoParameter() {
        JsonNode docs = http.get("/v3/api-docs").json();

        assertThat(docs.path("paths").path("/api/keys").has("post")).isTrue();
        assertThat(docs.path("paths").path("/api/keys").has("get")).isTrue();
        assertThat(docs.path("paths").path("/api/keys/{key_id}").has("delete")).isTrue();
        assertThat(docs.path("components").path("schemas").has("ApiKeyCreated")).isTrue();
        assertThat(docs.findValuesAsText("name")).doesNotContain("caller");
    }
}
