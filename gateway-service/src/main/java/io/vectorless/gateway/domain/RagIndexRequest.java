package io.vectorless.gateway.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.NullNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The batch RAG-index request, validated by hand so that errors come out exactly as the FastAPI service it mirrors
 * reports them (pydantic v2 types, messages, {@code loc} and {@code ctx}); bean validation cannot produce that shape.
 */
public final class RagIndexRequest {
    public static final int MIN_ITEMS = 1;
    public static final int MAX_ITEMS = 100;
    static final String EXPECTED_MODELS = "'e5_mistral_7b_instruct', 'multilingual_e5_large_instruct' or "
            + "'gemini-embedding-001'";
    private static final Set<String> TRUE_WORDS = Set.of("1", "on", "t", "true", "y", "yes");
    private static final Set<String> FALSE_WORDS = Set.of("0", "off", "f", "false", "n", "no");

    public record Item(String documentId, boolean createIfMissing, EmbeddingModel model) {
    }

    /** Either items or issues. */
    public record Parsed(List<Item> items, List<ValidationIssue> issues) {
        public boolean valid() {
            return issues.isEmpty();
        }
    }

    private RagIndexRequest() {
    }

    public static Parsed parse(String body, ObjectMapper json) {
        if (body == null || body.isBlank()) {
            return invalid(issue("missing", List.of("body"), "Field required", NullNode.getInstance(), null));
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            long offset = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getCharOffset());
            return invalid(issue("json_invalid", List.of("body", offset), "JSON decode error",
                    json.createObjectNode(), Map.of("error", firstLine(e.getOriginalMessage()))));
        }
        return validate(root);
    }

    public static Parsed validate(JsonNode root) {
        List<ValidationIssue> issues = new ArrayList<>();
        if (root == null || !root.isObject()) {
            return invalid(issue("model_attributes_type", List.of("body"),
                    "Input should be a valid dictionary or object to extract fields from", root, null));
        }
        JsonNode items = root.get("items");
        if (items == null) {
            return invalid(issue("missing", List.of("body", "items"), "Field required", root, null));
        }
        if (!items.isArray()) {
            return invalid(issue("list_type", List.of("body", "items"), "Input should be a valid list", items, null));
        }
        if (items.size() < MIN_ITEMS) {
            return invalid(issue("too_short", List.of("body", "items"),
                    "List should have at least 1 item after validation, not " + items.size(), items,
                    lengthCtx("min_length", MIN_ITEMS, items.size())));
        }
        List<Item> parsed = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = validateItem(items.get(i), i, issues);
            if (item != null) {
                parsed.add(item);
            }
        }
        if (items.size() > MAX_ITEMS) {
            issues.add(issue("too_long", List.of("body", "items"),
                    "List should have at most 100 items after validation, not " + items.size(), items,
                    lengthCtx("max_length", MAX_ITEMS, items.size())));
        }
        return issues.isEmpty() ? new Parsed(parsed, List.of()) : new Parsed(List.of(), issues);
    }

    private static Item validateItem(JsonNode node, int index, List<ValidationIssue> issues) {
        List<Object> at = List.of("body", "items", index);
        if (!node.isObject()) {
            issues.add(issue("model_attributes_type", at,
                    "Input should be a valid dictionary or object to extract fields from", node, null));
            return null;
        }
        int before = issues.size();
        String documentId = null;
        JsonNode id = node.get("document_id");
        if (id == null) {
            issues.add(issue("missing", loc(at, "document_id"), "Field required", node, null));
        } else if (!id.isTextual()) {
            issues.add(issue("string_type", loc(at, "document_id"), "Input should be a valid string", id, null));
        } else {
            documentId = id.asText();
        }
        Boolean create = null;
        JsonNode flag = node.get("create_if_missing");
        if (flag == null) {
            issues.add(issue("missing", loc(at, "create_if_missing"), "Field required", node, null));
        } else {
            create = bool(flag);
            if (create == null) {
                boolean parsable = flag.isTextual() || flag.isNumber();
                issues.add(parsable
                        ? issue("bool_parsing", loc(at, "create_if_missing"),
                        "Input should be a valid boolean, unable to interpret input", flag, null)
                        : issue("bool_type", loc(at, "create_if_missing"), "Input should be a valid boolean", flag,
                        null));
            }
        }
        EmbeddingModel model = null;
        JsonNode modelNode = node.get("model");
        if (modelNode == null) {
            issues.add(issue("missing", loc(at, "model"), "Field required", node, null));
        } else {
            model = modelNode.isTextual() ? EmbeddingModel.fromWire(modelNode.asText()).orElse(null) : null;
            if (model == null) {
                issues.add(issue("enum", loc(at, "model"), "Input should be " + EXPECTED_MODELS, modelNode,
                        Map.of("expected", EXPECTED_MODELS)));
            }
        }
        return issues.size() == before ? new Item(documentId, create, model) : null;
    }

    /** Pydantic's lax boolean: true/false, 0/1, and the usual words. */
    static Boolean bool(JsonNode node) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber() || node.isFloatingPointNumber()) {
            double value = node.doubleValue();
            return value == 1 ? Boolean.TRUE : value == 0 ? Boolean.FALSE : null;
        }
        if (node.getNodeType() == JsonNodeType.STRING) {
            String word = node.asText().trim().toLowerCase(Locale.ROOT);
            return TRUE_WORDS.contains(word) ? Boolean.TRUE : FALSE_WORDS.contains(word) ? Boolean.FALSE : null;
        }
        return null;
    }

    private static List<Object> loc(List<Object> base, String field) {
        List<Object> out = new ArrayList<>(base);
        out.add(field);
        return out;
    }

    private static Map<String, Object> lengthCtx(String bound, int limit, int actual) {
        Map<String, Object> ctx = new LinkedHashMap<>();
        ctx.put("field_type", "List");
        ctx.put(bound, limit);
        ctx.put("actual_length", actual);
        return ctx;
    }

    private static ValidationIssue issue(String type, List<Object> loc, String msg, JsonNode input,
                                         Map<String, Object> ctx) {
        return new ValidationIssue(type, loc, msg, input == null ? NullNode.getInstance() : input, ctx);
    }

    private static Parsed invalid(ValidationIssue issue) {
        return new Parsed(List.of(), List.of(issue));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "Expecting value";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
