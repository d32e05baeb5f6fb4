package io.vectorless.core.llm;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LenientJsonTest {

    @Test
    void readsAPlainObject() {
        JsonNode node = LenientJson.object("{\"node_ids\": [\"2.1\", \"3\"], \"reasoning\": \"because\"}").orElseThrow();

        assertThat(LenientJson.strings(node, "node_ids")).containsExactly("2.1", "3");
        assertThat(LenientJson.text(node, "reasoning")).isEqualTo("because");
    }

    @Test
    void readsAnObjectInsideACodeFence() {
        String reply = "Here you go:\n```json\n{\"node_ids\": [\"1.2\"]}\n```\nHope this helps.";

        assertThat(LenientJson.strings(LenientJson.object(reply).orElseThrow(), "node_ids")).containsExactly("1.2");
    }

    @Test
    void readsAnObjectSurroundedByProse() {
        String reply = "I think the answer is in {these} sections: {\"doc_ids\": [3, 7], \"reasoning\": \"x\"} ok";

        assertThat(LenientJson.strings(LenientJson.object(reply).orElseThrow(), "doc_ids")).containsExactly("3", "7");
    }

    @Test
    void toleratesTrailingCommasAndSingleQuotes() {
        String reply = "{'node_ids': ['2', '2.2',], 'reasoning': 'fine',}";

        assertThat(LenientJson.strings(LenientJson.object(reply).orElseThrow(), "node_ids")).containsExactly("2", "2.2");
    }

    @Test
    void acceptsObjectsWithIdsAndASingleValueUnderAnotherName() {
        JsonNode objects = LenientJson.object("{\"nodes\": [{\"node_id\": \"4.1\"}, {\"id\": \"4.2\"}]}").orElseThrow();
        JsonNode single = LenientJson.object("{\"node_id\": \"5\"}").orElseThrow();

        assertThat(LenientJson.strings(objects, "node_ids", "nodes")).containsExactly("4.1", "4.2");
        assertThat(LenientJson.strings(single, "node_ids", "node_id")).containsExactly("5");
    }

    @Test
    void findsNothingInBrokenOrMissingJson() {
        assertThat(LenientJson.object("{\"node_ids\": [\"2.1\"")).isEmpty();
        assertThat(LenientJson.object("The answer is section 2.1.")).isEmpty();
        assertThat(LenientJson.object("")).isEmpty();
        assertThat(LenientJson.object(null)).isEmpty();
    }

    @Test
    void readsTheFirstObjectOrArrayWhicheverStartsFirst() {
        assertThat(LenientJson.value("Summaries: [{\"id\": \"5\"}] and {\"x\": 1}").orElseThrow().isArray()).isTrue();
        assertThat(LenientJson.value("Note [see below]: {\"1\": \"One.\"}").orElseThrow().path("1").asText())
                .isEqualTo("One.");
        assertThat(LenientJson.object("[{\"id\": \"5\"}]").orElseThrow().path("id").asText()).isEqualTo("5");
    }

    @Test
    void readsAFenceThatWasCutOffAndRawLineBreaksInsideStrings() {
        String reply = "```json\n{\"1\": \"First line\nsecond line.\"}";

        assertThat(LenientJson.object(reply).orElseThrow().path("1").asText()).isEqualTo("First line\nsecond line.");
    }

    @Test
    void unescapesAStringBodyAndKeepsAMalformedOneAsItIs() {
        assertThat(LenientJson.unescape("a \\\"quoted\\\" word")).isEqualTo("a \"quoted\" word");
        assertThat(LenientJson.unescape("ends in \\")).isEqualTo("ends in \\");
    }
}
