package io.vectorless.query.navigate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the JSON object a model was asked for out of whatever it sent back: code fences, prose before and after,
 * trailing commas, single quotes. Returns empty when no object can be found.
 */
public final class JsonReplies {
    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                    JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES, JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
            .build();
    private static final Pattern FENCE = Pattern.compile("```(?:json|JSON)?\\s*(.*?)```", Pattern.DOTALL);

    private JsonReplies() {
    }

    public static Optional<JsonNode> object(String reply) {
        if (reply == null || reply.isBlank()) {
            return Optional.empty();
        }
        List<String> candidates = new ArrayList<>();
        Matcher fence = FENCE.matcher(reply);
        while (fence.find()) {
            candidates.add(fence.group(1));
        }
        candidates.add(reply);
        for (String candidate : candidates) {
            Optional<JsonNode> parsed = firstObject(candidate);
            if (parsed.isPresent()) {
                return parsed;
            }
        }
        return Optional.empty();
    }

    /** Tries each '{' in turn, reading one balanced value from there. */
    private static Optional<JsonNode> firstObject(String text) {
        for (int start = text.indexOf('{'); start >= 0; start = text.indexOf('{', start + 1)) {
            try (JsonParser parser = LENIENT.createParser(text.substring(start))) {
                JsonNode node = LENIENT.readTree(parser);
                if (node != null && node.isObject()) {
                    return Optional.of(node);
                }
            } catch (Exception e) {
                // not an object starting here; try the next brace
            }
        }
        return Optional.empty();
    }

    /** The strings (or numbers) of an array field, whichever of the given names the model used. */
    public static List<String> strings(JsonNode object, String... names) {
        List<String> out = new ArrayList<>();
        for (String name : names) {
            JsonNode array = object.path(name);
            if (array.isArray()) {
                array.forEach(v -> {
                    if (v.isValueNode() && !v.asText().isBlank()) {
                        out.add(v.asText().strip());
                    } else if (v.isObject()) {
                        JsonNode id = v.has("node_id") ? v.get("node_id") : v.path("id");
                        if (id.isValueNode()) {
                            out.add(id.asText().strip());
                        }
                    }
                });
                return out;
            }
            if (array.isValueNode() && !array.asText().isBlank()) {
                out.add(array.asText().strip());
                return out;
            }
        }
        return out;
    }

    public static String text(JsonNode object, String name) {
        JsonNode value = object.path(name);
        return value.isValueNode() ? value.asText("").strip() : "";
    }
}
