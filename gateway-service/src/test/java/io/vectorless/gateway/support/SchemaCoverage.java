package io.vectorless.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks that a served OpenAPI schema describes what a specification shows: every field of a JSON example, or every
 * property, item, enum value and referenced name of a specification schema. {@code $ref}s are followed and
 * {@code allOf}/{@code anyOf}/{@code oneOf} count as "any of these", so the check is about coverage, not layout.
 */
public final class SchemaCoverage {
    private final JsonNode docComponents;
    private final List<String> gaps = new ArrayList<>();

    public SchemaCoverage(JsonNode docs) {
        this.docComponents = docs.path("components").path("schemas");
    }

    private SchemaCoverage(JsonNode components, boolean ignored) {
        this.docComponents = components;
    }

    public List<String> gaps() {
        return gaps;
    }

    /** Every field of {@code example}, nested objects and array elements included, is in {@code schema}. */
    public void example(JsonNode example, JsonNode schema, String where) {
        check(example, schema, where, false);
    }

    /**
     * A live answer against its documented schema, strictly: besides what {@link #example} checks, a null must be
     * documented as nullable, every required property must be there, and a value must be one of its enum.
     */
    public void response(JsonNode body, JsonNode schema, String where) {
        check(body, schema, where, true);
    }

    private void check(JsonNode example, JsonNode schema, String where, boolean strict) {
        List<JsonNode> alternatives = alternatives(schema, docComponents);
        List<JsonNode> shapes = alternatives.stream().filter(a -> a.has("properties")).toList();
        if (strict && example.isObject() && shapes.size() > 1) {
            // anyOf/oneOf of objects: the answer must match one of them as a whole
            List<String> fewest = null;
            for (JsonNode shape : shapes) {
                SchemaCoverage one = new SchemaCoverage(docComponents, true);
                one.check(example, shape, where, true);
                if (fewest == null || one.gaps.size() < fewest.size()) {
                    fewest = one.gaps;
                }
            }
            gaps.addAll(fewest);
            return;
        }
        if (strict && example.isObject() && types(alternatives).isEmpty() && shapes.isEmpty()
                && first(alternatives, "additionalProperties") == null) {
            return; // a schema that says nothing allows anything
        }
        if (strict && example.isNull() && !nullable(alternatives)) {
            gaps.add(where + " is null but not documented as nullable");
        }
        if (strict && example.isObject()) {
            List<String> missing = missingRequired(alternatives, example);
            if (!missing.isEmpty()) {
                gaps.add(where + " lacks the required " + missing);
            }
        }
        if (strict && example.isValueNode() && !example.isNull()) {
            Set<String> allowed = enums(alternatives);
            if (!allowed.isEmpty() && !allowed.contains(example.asText())) {
                gaps.add(where + " is " + example + ", documented as one of " + allowed);
            }
        }
        if (example.isObject()) {
            example.fields().forEachRemaining(field -> {
                JsonNode property = property(alternatives, field.getKey());
                if (property == null) {
                    JsonNode additional = first(alternatives, "additionalProperties");
                    if (additional != null && additional.isObject()) {
                        check(field.getValue(), additional, where + "." + field.getKey(), strict);
                    } else {
                        gaps.add(where + "." + field.getKey() + " is not documented");
                    }
                } else {
                    check(field.getValue(), property, where + "." + field.getKey(), strict);
                }
            });
        } else if (example.isArray()) {
            JsonNode items = first(alternatives, "items");
            if (items == null) {
                gaps.add(where + " is documented without array items");
            } else {
                example.forEach(element -> check(element, items, where + "[]", strict));
            }
        } else if (!example.isNull()) {
            Set<String> types = types(alternatives);
            if (!types.isEmpty() && !types.contains(typeOf(example))
                    && !(example.isIntegralNumber() && types.contains("number"))) {
                gaps.add(where + " is " + typeOf(example) + " in the example but documented as " + types);
            }
        }
    }

    /** {@code docSchema} has every property, item, enum value and referenced schema name of {@code specSchema}. */
    public void schema(JsonNode specSchema, JsonNode specComponents, JsonNode docSchema, String where) {
        compare(specSchema, specComponents, docSchema, where, new HashSet<>());
    }

    private void compare(JsonNode spec, JsonNode specComponents, JsonNode doc, String where, Set<String> seen) {
        Set<String> docRefs = refNames(doc, new LinkedHashSet<>());
        if (spec.has("$ref")) {
            String name = refName(spec);
            if (!docRefs.contains(name)) {
                gaps.add(where + " should refer to schema " + name + " but refers to " + docRefs);
            }
            if (seen.add(name)) {
                compare(specComponents.path(name), specComponents, doc, where, seen);
            }
            return;
        }
        for (String composite : List.of("anyOf", "oneOf", "allOf")) {
            for (JsonNode option : spec.path(composite)) {
                if (option.has("$ref") && !docRefs.contains(refName(option))) {
                    gaps.add(where + " should allow " + refName(option) + " but allows " + docRefs);
                } else if (option.path("type").isTextual()
                        && !types(alternatives(doc, docComponents)).contains(option.get("type").asText())) {
                    gaps.add(where + " should allow type " + option.get("type").asText());
                }
            }
        }
        List<JsonNode> alternatives = alternatives(doc, docComponents);
        if (spec.has("enum")) {
            Set<String> expected = texts(spec.get("enum"));
            Set<String> actual = enums(alternatives);
            if (!expected.equals(actual)) {
                gaps.add(where + " enum is " + actual + ", the specification says " + expected);
            }
        }
        if (spec.has("const") && !enums(alternatives).contains(spec.get("const").asText())) {
            gaps.add(where + " should allow the constant " + spec.get("const").asText());
        }
        if (spec.has("type") && spec.get("type").isTextual() && !types(alternatives).isEmpty()
                && !types(alternatives).contains(spec.get("type").asText())) {
            gaps.add(where + " is " + types(alternatives) + ", the specification says " + spec.get("type").asText());
        }
        spec.path("properties").fields().forEachRemaining(p -> {
            JsonNode property = property(alternatives, p.getKey());
            if (property == null) {
                gaps.add(where + "." + p.getKey() + " is not documented");
            } else {
                compare(p.getValue(), specComponents, property, where + "." + p.getKey(), seen);
            }
        });
        for (String nested : List.of("items", "additionalProperties")) {
            if (spec.path(nested).isObject()) {
                JsonNode docNested = first(alternatives, nested);
                if (docNested == null || !docNested.isObject()) {
                    gaps.add(where + " is documented without " + nested);
                } else {
                    compare(spec.get(nested), specComponents, docNested, where + "[" + nested + "]", seen);
                }
            }
        }
    }

    /** OpenAPI 3.1 says "or null" with a type list, 3.0 with a flag; an untyped schema allows anything. */
    private static boolean nullable(List<JsonNode> alternatives) {
        return types(alternatives).isEmpty() || types(alternatives).contains("null")
                || alternatives.stream().anyMatch(a -> a.path("nullable").asBoolean());
    }

    /** Required properties the object lacks; with alternatives (anyOf) one of them being satisfied is enough. */
    private static List<String> missingRequired(List<JsonNode> alternatives, JsonNode object) {
        List<String> fewest = null;
        for (JsonNode alternative : alternatives) {
            if (!alternative.has("properties") && !alternative.has("required")) {
                continue;
            }
            List<String> missing = new ArrayList<>();
            alternative.path("required").forEach(name -> {
                if (!object.has(name.asText())) {
                    missing.add(name.asText());
                }
            });
            if (fewest == null || missing.size() < fewest.size()) {
                fewest = missing;
            }
        }
        return fewest == null ? List.of() : fewest;
    }

    /** The concrete schemas a schema stands for, following references and composition. */
    private static List<JsonNode> alternatives(JsonNode schema, JsonNode components) {
        List<JsonNode> out = new ArrayList<>();
        collect(schema, components, out, 0);
        return out;
    }

    private static void collect(JsonNode schema, JsonNode components, List<JsonNode> out, int depth) {
        if (schema == null || depth > 20) {
            return;
        }
        if (schema.has("$ref")) {
            collect(components.get(refName(schema)), components, out, depth + 1);
            return;
        }
        out.add(schema);
        for (String composite : List.of("allOf", "anyOf", "oneOf")) {
            schema.path(composite).forEach(option -> collect(option, components, out, depth + 1));
        }
    }

    /** Names a schema refers to, directly or through referenced compositions (a named anyOf counts as inline). */
    private Set<String> refNames(JsonNode schema, Set<String> out) {
        if (schema.has("$ref") && out.add(refName(schema))) {
            refNames(docComponents.path(refName(schema)), out);
        }
        for (String composite : List.of("allOf", "anyOf", "oneOf")) {
            schema.path(composite).forEach(option -> refNames(option, out));
        }
        return out;
    }

    private static String refName(JsonNode schema) {
        String ref = schema.get("$ref").asText();
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static JsonNode property(List<JsonNode> alternatives, String name) {
        for (JsonNode alternative : alternatives) {
            if (alternative.path("properties").has(name)) {
                return alternative.get("properties").get(name);
            }
        }
        return null;
    }

    private static JsonNode first(List<JsonNode> alternatives, String field) {
        return alternatives.stream().filter(a -> a.has(field)).map(a -> a.get(field)).findFirst().orElse(null);
    }

    private static Set<String> types(List<JsonNode> alternatives) {
        Set<String> types = new LinkedHashSet<>();
        alternatives.forEach(a -> {
            if (a.has("type")) {
                types.addAll(a.get("type").isArray() ? texts(a.get("type")) : Set.of(a.get("type").asText()));
            }
        });
        return types;
    }

    private static Set<String> enums(List<JsonNode> alternatives) {
        Set<String> values = new LinkedHashSet<>();
        alternatives.forEach(a -> values.addAll(texts(a.path("enum"))));
        alternatives.stream().filter(a -> a.has("const")).forEach(a -> values.add(a.get("const").asText()));
        return values;
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> out = new LinkedHashSet<>();
        array.forEach(value -> out.add(value.asText()));
        return out;
    }

    private static String typeOf(JsonNode value) {
        if (value.isTextual()) {
            return "string";
        }
        if (value.isBoolean()) {
            return "boolean";
        }
        return value.isIntegralNumber() ? "integer" : "number";
    }
}
