package io.vectorless.indexer.summary;

import com.fasterxml.jackson.databind.JsonNode;
import io.vectorless.core.llm.LenientJson;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a model answered to a summary request: the JSON through {@link LenientJson} (code fences, prose,
 * single quotes, trailing commas), in any of the shapes models use (an object of id to summary, a wrapping object,
 * an array of {id, summary} items), and as a last resort the "id": "text" pairs of JSON cut off mid-way.
 */
public final class SummaryResponseParser {
    static final int MAX_SUMMARY_CHARS = 800;
    private static final Pattern PAIR = Pattern.compile("\"([A-Za-z0-9_.\\-]+)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private SummaryResponseParser() {
    }

    /** Node id to summary; ids the answer did not cover are absent. */
    public static Map<String, String> nodeSummaries(String content) {
        Map<String, String> out = new LinkedHashMap<>();
        if (content == null || content.isBlank()) {
            return out;
        }
        LenientJson.value(content).ifPresent(tree -> collect(tree, out));
        if (out.isEmpty()) {
            Matcher matcher = PAIR.matcher(content);
            while (matcher.find()) {
                put(out, matcher.group(1), LenientJson.unescape(matcher.group(2)));
            }
        }
        return out;
    }

    /** The overview text of a root-summary answer, or "" when there is none. */
    public static String plainSummary(String content) {
        if (content == null) {
            return "";
        }
        String text = withoutFences(content).strip();
        if (text.startsWith("{")) {
            JsonNode tree = LenientJson.object(text).orElse(null);
            if (tree != null) {
                for (String field : new String[]{"summary", "overview", "root", "text"}) {
                    if (tree.path(field).isTextual()) {
                        return clean(tree.path(field).asText());
                    }
                }
            }
        }
        text = text.replaceFirst("(?i)^(summary|overview)\\s*:\\s*", "");
        return clean(text);
    }

    private static void collect(JsonNode tree, Map<String, String> out) {
        if (tree.isArray()) {
            for (JsonNode item : tree) {
                String id = firstText(item, "node_id", "nodeId", "id");
                String summary = firstText(item, "summary", "text");
                if (id != null && summary != null) {
                    put(out, id, summary);
                }
            }
            return;
        }
        if (!tree.isObject()) {
            return;
        }
        if (tree.size() == 1 && (tree.has("summaries") || tree.has("sections") || tree.has("nodes"))) {
            collect(tree.elements().next(), out);
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = tree.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isTextual()) {
                put(out, field.getKey(), value.asText());
            } else if (value.isObject()) {
                String summary = firstText(value, "summary", "text");
                if (summary != null) {
                    put(out, field.getKey(), summary);
                }
            }
        }
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            JsonNode value = node.path(field);
            if (value.isTextual() || value.isNumber()) {
                return value.asText();
            }
        }
        return null;
    }

    private static void put(Map<String, String> out, String id, String summary) {
        String key = id.strip();
        if (key.startsWith("[") && key.endsWith("]")) {
            key = key.substring(1, key.length() - 1);
        }
        String text = clean(summary);
        if (!key.isEmpty() && !text.isEmpty()) {
            out.put(key, text);
        }
    }

    private static String withoutFences(String content) {
        StringBuilder out = new StringBuilder(content.length());
        for (String line : content.split("\n", -1)) {
            if (!line.strip().startsWith("```")) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    static String clean(String summary) {
        String flat = summary.strip().replaceAll("\\s+", " ");
        return flat.length() <= MAX_SUMMARY_CHARS ? flat : flat.substring(0, MAX_SUMMARY_CHARS - 1) + "…";
    }
}
