package io.vectorless.gateway.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vectorless.schema.event.DocumentStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RagIndexRulesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static DocumentRecord doc() {
        return DocumentRecord.uploaded(7, 1, "alice", "a.pdf", "hash", 100, "application/pdf", false, Instant.now());
    }

    @Test
    void indexStatusFollowsTheDocument() {
        DocumentRecord queued = doc();
        DocumentRecord parsing = queued.withStatus(DocumentStatus.PARSING, 12.5, null, Instant.now(), "e");
        DocumentRecord indexed = parsing.withStatus(DocumentStatus.INDEXED, 100, null, Instant.now(), "e")
                .withIndexResult("t", "s", 1, 1, 0, 5000, 777, 1);
        DocumentRecord tiny = indexed.withIndexResult("t", "s", 1, 1, 0, 499, 10, 1);
        DocumentRecord failed = parsing.withStatus(DocumentStatus.FAILED, 12.5, "x", Instant.now(), "e");

        assertThat(RagIndexState.of(queued).status()).isEqualTo(RagIndexStatus.CREATED);
        assertThat(RagIndexState.of(parsing)).isEqualTo(new RagIndexState(RagIndexStatus.PROCESSING, 12.5, 0));
        assertThat(RagIndexState.of(indexed)).isEqualTo(new RagIndexState(RagIndexStatus.SUCCEEDED, 100.0, 777));
        assertThat(RagIndexState.of(tiny).status()).isEqualTo(RagIndexStatus.DOCUMENT_TOO_SMALL);
        assertThat(RagIndexState.of(failed).status()).isEqualTo(RagIndexStatus.FAILED);
    }

    @Test
    void limitCountsTheNewDocument() {
        assertThat(RagIndexState.exceedsLimit(60, 40, 100)).isFalse();
        assertThat(RagIndexState.exceedsLimit(60, 41, 100)).isTrue();
    }

    @Test
    void acceptsPydanticsLaxBooleans() throws Exception {
        RagIndexRequest.Parsed parsed = RagIndexRequest.validate(JSON.readTree("""
                {"items":[{"document_id":"1","create_if_missing":"yes","model":"gemini-embedding-001"},
                          {"document_id":"2","create_if_missing":0,"model":"e5_mistral_7b_instruct"}]}"""));

        assertThat(parsed.valid()).isTrue();
        assertThat(parsed.items()).extracting(RagIndexRequest.Item::createIfMissing).containsExactly(true, false);
        assertThat(parsed.items().get(0).model()).isEqualTo(EmbeddingModel.GEMINI_EMBEDDING_001);
    }

    @Test
    void reportsEveryBadFieldOfEveryItem() throws Exception {
        RagIndexRequest.Parsed parsed = RagIndexRequest.validate(JSON.readTree("""
                {"items":[{}, "x", {"document_id":"1","create_if_missing":[],"model":3}]}"""));

        assertThat(parsed.issues()).extracting(ValidationIssue::type)
                .containsExactly("missing", "missing", "missing", "model_attributes_type", "bool_type", "enum");
        assertThat(parsed.issues().get(3).loc()).containsExactly("body", "items", 1);
    }

    @Test
    void malformedJsonIsJsonInvalid() {
        RagIndexRequest.Parsed parsed = RagIndexRequest.parse("{\"items\": [", JSON);

        assertThat(parsed.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.type()).isEqualTo("json_invalid");
            assertThat(issue.msg()).isEqualTo("JSON decode error");
            assertThat(issue.loc().get(0)).isEqualTo("body");
        });
    }
}
