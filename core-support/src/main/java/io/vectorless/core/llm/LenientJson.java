package io.vectorless.core.llm;

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
 * The one reader of the JSON a model was asked for, out of whatever it sent back. Models wrap JSON in code fences
 * (closed or cut off), put prose before and after it, and write trailing commas, single quotes, unquoted names,
 * comments, raw line breaks inside strings and stray backslashes. The contents of each fenced block are tried first,
 * then the whole reply; in each, every opening brace (and bracket, for {@link #value}) in turn, reading one balanced
 * value from there, so text after the value does not matter. Empty when nothing parses.
 */
public final class LenientJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                    JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES, JsonReadFeature.ALLOW_JAVA_COMMENTS,
                    JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS,
                    JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
            .build();
    private static final Pattern FENCE = Pattern.compile("```[A-Za-z]*[ \\t]*\\R?(.*?)```", Pattern.DOTALL);

    private LenientJson() {
    }

    /** The first JSON object in the reply. */
    public static Optional<JsonNode> object(String reply) {
        return first(reply, false);
    }

    /** The first JSON object or array in the reply, whichever starts first. */
    public static Optional<JsonNode> value(String reply) {
        return first(reply, true);
    }

    /** The text of a JSON string body (what stands between the quotes), escapes resolved; as it is if malformed. */
    public static String unescape(String body) {
        try {
            return MAPPER.readValue("\"" + body + "\"", String.class);
        } catch (Exception e) {
            return body;
        }
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

    /** A text field, stripped; "" when absent or not a value. */
    public static String text(JsonNode object, String name) {
        JsonNode value = object.path(name);
        return value.isValueNode() ? value.asText("").strip() : "";
    }

    private static Optional<JsonNode> first(String reply, boolean arrays) {
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
            Optional<JsonNode> parsed = firstIn(candidate, arrays);
            if (parsed.isPresent()) {
                return parsed;
            }
        }
        return Optional.empty();
    }

    private static Optional<JsonNode> firstIn(String text, boolean arrays) {
        for (int start = nextOpening(text, 0, arrays); start >= 0; start = nextOpening(text, start + 1, arrays)) {
            try (JsonParser parser = MAPPER.createParser(text.substring(start))) {
                JsonNode node = MAPPER.readTree(parser);
                if (node != null && (node.isObject() || arrays && node.isArray())) {
                    return Optional.of(node);
                }
            } catch (Exception e) {
                // no value starts here; try the next opening
            }
        }
        return Optional.empty();
    }

    private static int nextOpening(String text, int from, boolean arrays) {
        int brace = text.indexOf('{', from);
        if (!arrays) {
            return brace;
        }
        int bracket = text.indexOf('[', from);
        return brace < 0 ? bracket : bracket < 0 ? brace : Math.min(brace, bracket);
    }
}
