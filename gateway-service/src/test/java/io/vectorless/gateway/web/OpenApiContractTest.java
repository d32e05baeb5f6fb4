package io.vectorless.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vectorless.gateway.support.ApiReferenceText;
import io.vectorless.gateway.support.ApiReferenceText.Endpoint;
import io.vectorless.gateway.support.ApiReferenceText.Example;
import io.vectorless.gateway.support.GatewayTestBase;
import io.vectorless.gateway.support.SchemaCoverage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served OpenAPI document against the two specification documents, read as they are: the API reference's
 * endpoint lines and JSON examples, and the batch API's own OpenAPI YAML. Nothing is listed by hand here, so a
 * schema that loses a field, or an endpoint that loses its description, fails the build.
 */
class OpenApiContractTest extends GatewayTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ApiReferenceText REFERENCE = new ApiReferenceText(resource("/spec/vectorless-rag-api.txt"));
    private static final JsonNode BATCH_SPEC = batchSpec(resource("/spec/rag-index-batch.txt"));

    private JsonNode docs;
    private Map<String, JsonNode> docPaths;

    @BeforeEach
    void loadDocs() {
        docs = http.get("/v3/api-docs").json();
        docPaths = new HashMap<>();
        docs.get("paths").fields().forEachRemaining(e ->
                docPaths.put(ApiReferenceText.normalise(e.getKey()), e.getValue()));
    }

    @Test
    void everyEndpointOfTheApiReferenceIsDocumented() {
        assertThat(REFERENCE.endpoints()).isNotEmpty();
        List<String> missing = REFERENCE.endpoints().stream().filter(e -> operation(e) == null)
                .map(Endpoint::toString).toList();
        assertThat(missing).isEmpty();
    }

    @Test
    void everyOperationOfTheBatchSpecificationIsDocumented() {
        List<String> missing = new ArrayList<>();
        BATCH_SPEC.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(
                method -> {
                    if (operation(new Endpoint(method, ApiReferenceText.normalise(path.getKey()))) == null) {
                        missing.add(method.toUpperCase() + " " + path.getKey());
                    }
                }));
        assertThat(BATCH_SPEC.get("paths").size()).isPositive();
        assertThat(missing).isEmpty();
    }

    @Test
    void everyFieldOfEveryExampleIsInTheDocumentedSchema() {
        assertThat(REFERENCE.examples()).isNotEmpty();
        SchemaCoverage coverage = new SchemaCoverage(docs);
        for (Example example : REFERENCE.examples()) {
            String where = example.endpoint() + " " + example.kind() + " (line " + example.line() + ")";
            switch (example.kind()) {
                case REQUEST -> check(coverage, example, json(operation(example.endpoint()).path("requestBody")),
                        where);
                case RESPONSE -> check(coverage, example, json(operation(example.endpoint()).path("responses")
                        .path(example.status())), where + " " + example.status());
                case ERROR -> REFERENCE.endpoints().forEach(endpoint -> coverage.gaps().addAll(
                        errorGaps(example, endpoint)));
            }
        }
        assertThat(coverage.gaps()).isEmpty();
    }

    @Test
    void theBatchOperationHasTheSpecifiedRequestAndResponses() {
        SchemaCoverage coverage = new SchemaCoverage(docs);
        BATCH_SPEC.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            JsonNode documented = operation(new Endpoint(op.getKey(), ApiReferenceText.normalise(path.getKey())));
            String where = op.getKey().toUpperCase() + " " + path.getKey();
            coverage.schema(json(op.getValue().path("requestBody")), specSchemas(),
                    json(documented.path("requestBody")), where + " request");
            op.getValue().path("responses").fields().forEachRemaining(response -> coverage.schema(
                    json(response.getValue()), specSchemas(),
                    json(documented.path("responses").path(response.getKey())),
                    where + " " + response.getKey()));
        }));
        assertThat(coverage.gaps()).isEmpty();
    }

    @Test
    void everyComponentSchemaOfTheBatchSpecificationIsDocumentedByName() {
        SchemaCoverage coverage = new SchemaCoverage(docs);
        JsonNode documented = docs.path("components").path("schemas");
        List<String> missing = new ArrayList<>();
        specSchemas().fields().forEachRemaining(schema -> {
            if (!documented.has(schema.getKey())) {
                missing.add(schema.getKey());
            } else {
                coverage.schema(schema.getValue(), specSchemas(), documented.get(schema.getKey()), schema.getKey());
            }
        });
        assertThat(specSchemas().size()).isPositive();
        assertThat(missing).isEmpty();
        assertThat(coverage.gaps()).isEmpty();
    }

    /** A document fresh from upload shows nulls where nothing is known yet; the schema must say those can be null. */
    @Test
    void everyFieldANewDocumentShowsAsNullIsDocumentedAsNullable() {
        JsonNode document = uploadText(workspace(), 64);
        JsonNode schema = docs.path("components").path("schemas").path("Document").path("properties");
        List<String> nulls = new ArrayList<>();
        document.fields().forEachRemaining(field -> {
            if (field.getValue().isNull()) {
                nulls.add(field.getKey());
            }
        });

        assertThat(nulls).contains("doc_title", "root_summary", "node_count", "error");
        assertThat(nulls).allSatisfy(name -> assertThat(nullable(schema.path(name)))
                .as(name + " nullable in " + schema.path(name)).isTrue());
        assertThat(nullable(schema.path("id"))).isFalse();
        assertThat(nullable(schema.path("status"))).isFalse();
    }

    /** OpenAPI 3.1 says "or null" with a type list; 3.0 had a nullable flag. */
    private static boolean nullable(JsonNode property) {
        JsonNode type = property.path("type");
        boolean inTypes = type.isArray() && java.util.stream.StreamSupport.stream(type.spliterator(), false)
                .anyMatch(t -> t.asText().equals("null"));
        return inTypes || property.path("nullable").asBoolean();
    }

    private void check(SchemaCoverage coverage, Example example, JsonNode schema, String where) {
        if (schema.isMissingNode()) {
            coverage.gaps().add(where + " has no documented JSON schema");
        } else {
            coverage.example(example.body(), schema, where);
        }
    }

    /** The error shape holds for every endpoint: some documented non-2xx answer of each must cover the example. */
    private List<String> errorGaps(Example example, Endpoint endpoint) {
        JsonNode responses = operation(endpoint).path("responses");
        List<String> best = List.of(endpoint + " documents no error response");
        for (var it = responses.fields(); it.hasNext(); ) {
            var response = it.next();
            JsonNode schema = json(response.getValue());
            if (!response.getKey().startsWith("2") && !schema.isMissingNode()) {
                SchemaCoverage one = new SchemaCoverage(docs);
                one.example(example.body(), schema, endpoint + " " + response.getKey());
                if (one.gaps().isEmpty()) {
                    return List.of();
                }
                best = one.gaps();
            }
        }
        return best;
    }

    private JsonNode operation(Endpoint endpoint) {
        JsonNode path = docPaths.get(endpoint.path());
        return path == null ? null : path.get(endpoint.method());
    }

    private static JsonNode json(JsonNode bodyOrResponse) {
        return bodyOrResponse.path("content").path("application/json").path("schema");
    }

    private static JsonNode specSchemas() {
        return BATCH_SPEC.path("components").path("schemas");
    }

    /** The batch document wraps its OpenAPI YAML in prose; the YAML is what sits between the four-backtick fences. */
    private static JsonNode batchSpec(String text) {
        int open = text.indexOf("````yaml");
        int start = text.indexOf('\n', open) + 1;
        int end = text.indexOf("````", start);
        assertThat(open).as("YAML block in the batch specification").isNotNegative();
        Object yaml = new Yaml().load(text.substring(start, end));
        return JSON.valueToTree(yaml);
    }

    private static String resource(String name) {
        try (InputStream in = OpenApiContractTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
