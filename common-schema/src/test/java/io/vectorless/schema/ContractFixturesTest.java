package io.vectorless.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.vectorless.schema.event.DocumentDeleted;
import io.vectorless.schema.event.DocumentEdited;
import io.vectorless.schema.event.DocumentEvent;
import io.vectorless.schema.event.DocumentParsed;
import io.vectorless.schema.event.DocumentStatus;
import io.vectorless.schema.event.DocumentStatusChanged;
import io.vectorless.schema.event.DocumentUploaded;
import io.vectorless.schema.event.IndexResult;
import io.vectorless.schema.parsed.Block;
import io.vectorless.schema.parsed.PageImage;
import io.vectorless.schema.parsed.ParsedDocument;
import io.vectorless.schema.parsed.StructureReport;
import io.vectorless.schema.parsed.StructureSource;
import io.vectorless.schema.store.NodeApi;
import io.vectorless.schema.store.StoredNode;
import io.vectorless.schema.store.StoredNodes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Producers must write exactly the fixtures, and consumers must read them back to the same values. */
public class ContractFixturesTest {

    static Stream<Arguments> events() {
        return Stream.of(
                Arguments.of("document-uploaded.json", ContractSamples.uploaded()),
                Arguments.of("document-parsed.json", ContractSamples.parsed()),
                Arguments.of("document-status-changed.json", ContractSamples.indexed()),
                Arguments.of("document-status-failed.json", ContractSamples.failed()),
                Arguments.of("document-deleted.json", ContractSamples.deleted()),
                Arguments.of("document-edited.json", ContractSamples.edited()));
    }

    @ParameterizedTest
    @MethodSource("events")
    void producersWriteExactlyTheFixture(String fixture, DocumentEvent event) throws IOException {
        JsonNode written = EventJson.mapper().readTree(EventJson.write(event));
        assertThat(written).isEqualTo(EventJson.mapper().readTree(ContractSamples.fixture(fixture)));
    }

    @ParameterizedTest
    @MethodSource("events")
    void consumersReadTheFixtureAsTheSameEvent(String fixture, DocumentEvent event) {
        DocumentEvent read = EventJson.readEvent(ContractSamples.fixture(fixture));
        assertThat(read).isEqualTo(event);
        assertThat(read.key()).isEqualTo(Long.toString(event.documentId()));
    }

    @Test
    void parsedDocumentRoundTripsThroughItsFixture() throws IOException {
        String json = ContractSamples.fixture("parsed-document.json");
        ParsedDocument read = EventJson.read(json, ParsedDocument.class);
        assertThat(read).isEqualTo(ContractSamples.parsedDocument());
        assertThat(EventJson.mapper().readTree(EventJson.write(read))).isEqualTo(EventJson.mapper().readTree(json));
    }

    @Test
    void theIndexersTreeAnswersRoundTripThroughTheirFixtures() throws IOException {
        String outline = ContractSamples.fixture("tree-outline.json");
        String node = ContractSamples.fixture("tree-node.json");

        StoredNode[] nodes = EventJson.mapper().readValue(outline, StoredNode[].class);
        NodeApi.NodeDetail detail = EventJson.mapper().readValue(node, NodeApi.NodeDetail.class);

        assertThat(nodes).extracting(StoredNode::nodeId).containsExactly("root", "1");
        assertThat(nodes).allMatch(n -> n.text() == null, "an outline carries no texts");
        assertThat(StoredNodes.assemble(List.of(nodes))).get().satisfies(root ->
                assertThat(root.children()).singleElement().satisfies(c -> assertThat(c.title()).isEqualTo("Introduction")));
        assertThat(detail.node().text()).startsWith("Research Paper Title");
        assertThat(detail.children()).extracting(StoredNode::nodeId).containsExactly("1");
        assertThat(EventJson.mapper().readTree(EventJson.mapper().writeValueAsString(nodes)))
                .isEqualTo(EventJson.mapper().readTree(outline));
        assertThat(EventJson.mapper().readTree(EventJson.mapper().writeValueAsString(detail)))
                .isEqualTo(EventJson.mapper().readTree(node));
        assertThat(NodeApi.node(7, 1, "1.2 a")).isEqualTo("/internal/documents/7/versions/1/nodes/1.2%20a");
    }

    @Test
    void readersIgnoreFieldsAddedByNewerProducers() {
        String json = ContractSamples.fixture("document-parsed.json").replace("\"format\"", "\"addedLater\": 1, \"format\"");
        assertThat(EventJson.readEvent(json)).isEqualTo(ContractSamples.parsed());
    }

    @Test
    void rejectsJsonThatIsNotAnEvent() {
        assertThatThrownBy(() -> EventJson.readEvent("{\"type\":\"Nope\"}"))
                .isInstanceOf(EventJson.MalformedEventException.class);
        assertThatThrownBy(() -> EventJson.readEvent("not json"))
                .isInstanceOf(EventJson.MalformedEventException.class);
    }

    @Test
    void imageKeysTellTheirPageAndMediaType() {
        String key = io.vectorless.schema.store.ObjectKeys.image(3, 7, 2, 14, 0, "png");
        assertThat(io.vectorless.schema.store.ObjectKeys.imagePage(key)).isEqualTo(14);
        assertThat(io.vectorless.schema.store.ObjectKeys.imageMediaType(key)).isEqualTo("image/png");
        assertThat(io.vectorless.schema.store.ObjectKeys.imageMediaType("ws/1/doc/1/v1/images/p2-1.JPG")).isEqualTo("image/jpeg");
        assertThat(io.vectorless.schema.store.ObjectKeys.imagePage("ws/1/doc/1/v1/original")).isZero();
    }

    @Test
    void keysOfOneUploadCannotBeTakenForAnotherUploadsOfTheSameDocumentVersion() {
        String first = io.vectorless.schema.store.ObjectKeys.parsed(3, 7, 1, "a1");
        String second = io.vectorless.schema.store.ObjectKeys.parsed(3, 7, 1, "b2");
        assertThat(first).isNotEqualTo(second).startsWith(io.vectorless.schema.store.ObjectKeys.versionPrefix(3, 7, 1));
        assertThat(io.vectorless.schema.store.ObjectKeys.original(3, 7, 1, "a1")).isEqualTo("ws/3/doc/7/v1/u-a1/original");
        assertThat(io.vectorless.schema.store.ObjectKeys.original(3, 7, 1, null)).isEqualTo("ws/3/doc/7/v1/original");
        assertThat(io.vectorless.schema.store.ObjectKeys.imagePage(
                io.vectorless.schema.store.ObjectKeys.image(3, 7, 1, "a1", 4, 0, "png"))).isEqualTo(4);
    }

    @Test
    void aParsedFormBelongsOnlyToItsOwnUpload() {
        ParsedDocument parsed = ContractSamples.parsedDocument();
        assertThat(parsed.belongsTo(7, 1, ContractSamples.UPLOAD_ID)).isTrue();
        assertThat(parsed.belongsTo(7, 1, "another-upload")).isFalse();
        assertThat(parsed.belongsTo(8, 1, ContractSamples.UPLOAD_ID)).isFalse();
        assertThat(parsed.belongsTo(7, 2, ContractSamples.UPLOAD_ID)).isFalse();
    }

    @Test
    void statusesAreLowerCaseOnTheWire() {
        assertThat(EventJson.write(DocumentStatus.SUMMARIZING)).isEqualTo("\"summarizing\"");
        assertThat(DocumentStatus.fromWire("indexed")).isEqualTo(DocumentStatus.INDEXED);
    }

    /** The canned values behind the fixtures; other modules' contract tests use them too. */
    public static final class ContractSamples {
        /** The upload identity every sample shares. */
        public static final String UPLOAD_ID = "5f2c9a1e-7b3d-4c8e-9a6f-0d1e2b3c4a55";

        public static String fixture(String name) {
            try (InputStream in = ContractFixturesTest.class.getResourceAsStream("/contracts/" + name)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException | NullPointerException e) {
                throw new IllegalStateException("missing contract fixture " + name, e);
            }
        }

        /**
         * The top-level field names of an event's JSON: what a producer writes must have exactly the fixture's names
         * (the values, ids and times, differ from run to run).
         */
        public static java.util.Set<String> fieldNames(String json) {
            try {
                java.util.Set<String> names = new java.util.TreeSet<>();
                EventJson.mapper().readTree(json).fieldNames().forEachRemaining(names::add);
                return names;
            } catch (IOException e) {
                throw new IllegalArgumentException("not JSON: " + json, e);
            }
        }

        public static DocumentUploaded uploaded() {
            return new DocumentUploaded("8f14e45f-ceea-4e7a-9f0e-3b2c1d0a9e11", Instant.parse("2026-03-01T10:00:00Z"), 1,
                    7, 1, 3, "research_paper.pdf", "application/pdf", 1048576, "a1b2c3d4e5f60718293a4b5c6d7e8f90",
                    "ws/3/doc/7/v1/u-" + UPLOAD_ID + "/original", true, "default", UPLOAD_ID);
        }

        public static DocumentParsed parsed() {
            return new DocumentParsed("c9f0f895-fb98-4b91-9d5a-8d5e2f1a7b22", Instant.parse("2026-03-01T10:00:02Z"), 1,
                    7, 1, 3, "ws/3/doc/7/v1/u-" + UPLOAD_ID + "/parsed.json", "pdf", 15, 48213, true, UPLOAD_ID,
                    "research_paper.pdf", "application/pdf", "Research Paper Title");
        }

        public static DocumentStatusChanged indexed() {
            return new DocumentStatusChanged("45c48cce-2e2d-4fbd-a1a6-7c3b9e0d5f33", Instant.parse("2026-03-01T10:00:05Z"),
                    1, 7, 1, 3, DocumentStatus.INDEXED, 100.0, null, "indexer-service",
                    new IndexResult("Research Paper Title", "This paper discusses...", 24, 5, 15, 48213, 61440, 0,
                            new StructureReport("outline", Map.of("outline", 9, "contents", 24, "layout", 31), 0.89,
                                    0.97, 24, StructureReport.HIGH,
                                    List.of("9 bookmark sections deepened with 15 entries of the printed contents")),
                            "research_paper.pdf", "ws/3/doc/7/v1/u-" + UPLOAD_ID + "/search-index.zip"));
        }

        /** A user's new title; the file name is left as it was. */
        public static DocumentEdited edited() {
            return new DocumentEdited("c20ad4d7-6fe9-4759-aa27-a0c99bff6710", Instant.parse("2026-03-01T10:30:00Z"), 1,
                    7, 1, 3, "Paper on Vectorless Retrieval", null);
        }

        public static DocumentStatusChanged failed() {
            return new DocumentStatusChanged("d3d94468-02a4-4c2b-8f1e-6a9b0c4d2e44", Instant.parse("2026-03-01T10:00:03Z"),
                    1, 8, 1, 3, DocumentStatus.FAILED, 100.0, "The PDF is damaged and cannot be read: missing startxref",
                    "ingest-service", null);
        }

        public static DocumentDeleted deleted() {
            return new DocumentDeleted("6512bd43-d9ca-4a1f-8e2b-1c0d9f8e7a55", Instant.parse("2026-03-01T11:00:00Z"), 1,
                    7, 2, 3, true, "document deleted");
        }

        public static ParsedDocument parsedDocument() {
            return new ParsedDocument(1, 7, 1, "pdf", "Research Paper Title", 3, StructureSource.OUTLINE,
                    List.of(Block.heading(1, "Introduction", 1), Block.text("Why this matters.", 1, 2),
                            Block.heading(2, "Problem Statement", 2), Block.text("The core challenge.", 2, 3)),
                    List.of(new PageImage(2, "ws/3/doc/7/v1/u-" + UPLOAD_ID + "/images/p2-0.png", "image/png", "Page 2 visual content", 2048)),
                    Map.of("author", "A. Author"), List.of(),
                    new StructureReport("outline", Map.of("outline", 2, "layout", 2), 1.0, 1.0, 2,
                            StructureReport.HIGH, List.of()), UPLOAD_ID);
        }
    }
}
