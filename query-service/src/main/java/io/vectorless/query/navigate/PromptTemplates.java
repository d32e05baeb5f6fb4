package io.vectorless.query.navigate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prompt texts live in {@code src/main/resources/prompts/*.txt} so they can be read and changed without reading code.
 * Placeholders are {@code {{name}}}; a placeholder left unfilled is an error, not a silent blank.
 */
public final class PromptTemplates {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private PromptTemplates() {
    }

    public static String load(String name) {
        return CACHE.computeIfAbsent(name, n -> {
            try (InputStream in = PromptTemplates.class.getClassLoader().getResourceAsStream("prompts/" + n + ".txt")) {
                if (in == null) {
                    throw new IllegalStateException("missing prompt resource prompts/" + n + ".txt");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public static String render(String name, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(load(name));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("prompt " + name + " needs a value for {{" + m.group(1) + "}}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
