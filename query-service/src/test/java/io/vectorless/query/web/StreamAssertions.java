package io.vectorless.query.web;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks an OpenAI chat-completion event stream the way SDKs read it. */
final class StreamAssertions {
    private StreamAssertions() {
    }

    static void assertWellFormedStream(List<String> events, String model, boolean usageExpected) {
        assertThat(events).last().isEqualTo("[DONE]");
        List<JsonNode> chunks = events.subList(0, events.size() - 1).stream().map(Http::parse).toList();
        assertThat(chunks).isNotEmpty();
        String id = chunks.get(0).get("id").asText();
        assertThat(id).startsWith("chatcmpl-");
        assertThat(chunks).allSatisfy(c -> {
            assertThat(c.get("id").asText()).isEqualTo(id);
            assertThat(c.get("object").asText()).isEqualTo("chat.completion.chunk");
            assertThat(c.get("model").asText()).isEqualTo(model);
        });
        assertThat(chunks.get(0).get("choices").get(0).get("delta").get("role").asText()).isEqualTo("assistant");
        List<JsonNode> withChoices = chunks.stream().filter(c -> !c.get("choices").isEmpty()).toList();
        JsonNode last = withChoices.get(withChoices.size() - 1).get("choices").get(0);
        assertThat(last.get("finish_reason").asText()).isEqualTo("stop");
        assertThat(withChoices.subList(0, withChoices.size() - 1))
                .allSatisfy(c -> assertThat(c.get("choices").get(0).get("finish_reason").isNull()).isTrue());
        if (usageExpected) {
            JsonNode usage = chunks.get(chunks.size() - 1);
            assertThat(usage.get("choices")).isEmpty();
            assertThat(usage.get("usage").get("total_tokens").asInt()).isPositive();
        }
    }

    static String content(List<String> events) {
        StringBuilder text = new StringBuilder();
        for (String event : events) {
            if (!event.equals("[DONE]")) {
                JsonNode choices = Http.parse(event).get("choices");
                if (!choices.isEmpty()) {
                    text.append(choices.get(0).path("delta").path("content").asText(""));
                }
            }
        }
        return text.toString();
    }
}
