package io.vectorless.query.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds one streamed answer's {@code chat.completion.chunk}s. */
record Chunks(String id, long created, String model) {

    Map<String, Object> delta(Map<String, Object> delta, String finishReason) {
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("delta", delta);
        choice.put("finish_reason", finishReason);
        Map<String, Object> chunk = envelope(id, "chat.completion.chunk", created, model);
        chunk.put("choices", List.of(choice));
        return chunk;
    }

    static Map<String, Object> envelope(String id, String object, long created, String model) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("object", object);
        out.put("created", created);
        out.put("model", model);
        return out;
    }
}
