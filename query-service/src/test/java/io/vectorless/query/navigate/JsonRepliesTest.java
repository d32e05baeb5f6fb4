package io.vectorless.query.navigate;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonRepliesTest {

    @Test
    void readsAPlainObject() {
        JsonNode node = JsonReplies.object("{\"node_ids\": [\"2.1\", \"3\"], \"reasoning\": \"because\"}").orElseThrow();

        assertThat(JsonReplies.strings(node, "node_ids")).containsExactly("2.1", "3");
        assertThat(JsonReplies.text(node, "reasoning")).isEqualTo("because");
    }

    @Test
    void readsAnObjectInsideACodeFence() {
        String reply = "Here you go:\n```json\n{\"node_ids\": [\"1.2\"]}\n```\nHope this helps.";

        assertThat(JsonReplies.strings(JsonReplies.object(reply).orElseThrow(), "node_ids")).containsExactly("1.2");
    }

    @Test
    void readsAnObjectSurroundedByProse() {
        String reply = "I think the answer is in {these} sections: {\"doc_ids\": [3, 7], \"reasoning\": \"x\"} ok";

        assertThat(JsonReplies.strings(JsonReplies.object(reply).orElseThrow(), "doc_ids")).containsExactly("3", "7");
    }

    @Test
    void toleratesTrailingCommasAndSingleQuotes() {
        String reply = "{'node_ids': ['2', '2.2',], 'reasoning': 'fine',}";

        assertThat(JsonReplies.strings(JsonReplies.object(reply).orElseThrow(), "node_ids")).containsExactly("2", "2.2");
    }

    @Test
    void acceptsObjectsWithIdsAndASingleValueUnderAnotherName() {
        JsonNode objects = JsonReplies.object("{\"nodes\": [{\"node_id\": \"4.1\"}, {\"id\": \"4.2\"}]}").orElseThrow();
        JsonNode single = JsonReplies.object("{\"node_id\": \"5\"}").orElseThrow();

        assertThat(JsonReplies.strings(objects, "node_ids", "nodes")).containsExactly("4.1", "4.2");
        assertThat(JsonReplies.strings(single, "node_ids", "node_id")).containsExactly("5");
    }

    @Test
    void findsNothingInBrokenOrMissingJson() {
        assertThat(JsonReplies.object("{\"node_ids\": [\"2.1\"")).isEmpty();
        assertThat(JsonReplies.object("The answer is section 2.1.")).isEmpty();
        assertThat(JsonReplies.object("")).isEmpty();
        assertThat(JsonReplies.object(null)).isEmpty();
    }
}
