package io.vectorless.gateway.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the prose API reference: its {@code METHOD /path} lines and its JSON examples, each example tied to the
 * nearest endpoint line above it and to the nearest "Request Body" / "Response ..." / "Error Response" label.
 */
public final class ApiReferenceText {
    private static final Pattern ENDPOINT = Pattern.compile("^(GET|POST|PUT|PATCH|DELETE) (/\\S*)$");
    private static final Pattern RESPONSE = Pattern.compile("^Response(?: \\([^)]*\\))?:\\s*(\\d{3})?.*");
    /** The reference abbreviates one list as {@code [...]}: an empty list keeps the block parseable. */
    private static final Pattern ELLIPSIS_LIST = Pattern.compile("\\[\\s*\\.\\.\\.\\s*]");
    private static final ObjectMapper JSON = new ObjectMapper();

    public enum Kind { REQUEST, RESPONSE, ERROR }

    public record Endpoint(String method, String path) {
        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    public record Example(Endpoint endpoint, Kind kind, String status, JsonNode body, int line) {
    }

    private final Set<Endpoint> endpoints = new LinkedHashSet<>();
    private final List<Example> examples = new ArrayList<>();

    public ApiReferenceText(String text) {
        String[] lines = text.split("\\R", -1);
        Endpoint endpoint = null;
        Kind kind = null;
        String status = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher m;
            if ((m = ENDPOINT.matcher(line)).matches()) {
                endpoint = new Endpoint(m.group(1).toLowerCase(), normalise(m.group(2)));
                endpoints.add(endpoint);
                kind = null;
            } else if (line.startsWith("Request Body")) {
                kind = Kind.REQUEST;
                status = null;
            } else if (line.startsWith("Error Response")) {
                kind = Kind.ERROR;
                status = null;
            } else if ((m = RESPONSE.matcher(line)).matches()) {
                kind = Kind.RESPONSE;
                status = m.group(1) == null ? "200" : m.group(1);
            } else if (line.startsWith("{") || line.startsWith("[")) {
                int end = endOfBlock(lines, i);
                if (kind == null || endpoint == null) {
                    throw new IllegalStateException("JSON example at line " + (i + 1) + " has no endpoint or label");
                }
                examples.add(new Example(endpoint, kind, status, parse(lines, i, end), i + 1));
                i = end;
            }
        }
    }

    /** Query strings dropped and path parameters anonymised, so names need not agree between documents. */
    public static String normalise(String path) {
        int query = path.indexOf('?');
        return (query < 0 ? path : path.substring(0, query)).replaceAll("\\{[^}]+}", "{}");
    }

    public Set<Endpoint> endpoints() {
        return endpoints;
    }

    public List<Example> examples() {
        return examples;
    }

    private static int endOfBlock(String[] lines, int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < lines.length; i++) {
            String line = lines[i];
            for (int c = 0; c < line.length(); c++) {
                char ch = line.charAt(c);
                if (inString) {
                    if (ch == '\\') {
                        c++;
                    } else if (ch == '"') {
                        inString = false;
                    }
                } else if (ch == '"') {
                    inString = true;
                } else if (ch == '{' || ch == '[') {
                    depth++;
                } else if (ch == '}' || ch == ']') {
                    depth--;
                }
            }
            if (depth == 0) {
                return i;
            }
        }
        throw new IllegalStateException("JSON example at line " + (start + 1) + " never closes");
    }

    private static JsonNode parse(String[] lines, int start, int end) {
        String block = String.join("\n", java.util.Arrays.copyOfRange(lines, start, end + 1));
        try {
            return JSON.readTree(ELLIPSIS_LIST.matcher(block).replaceAll("[]"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON example at line " + (start + 1) + " is not JSON", e);
        }
    }
}
