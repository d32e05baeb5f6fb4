package io.vectorless.core.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one prompt-template engine. Prompts are resource files, so they can be read and changed without reading code;
 * placeholders are {@code {{name}}}. A placeholder without a value is an error, never sent to a model as it stands
 * or as a silent blank. Values are inserted once: a {@code {{...}}} inside a value (a document's own text) stays as
 * it is. A file holding both messages has the system message, a line {@value #USER_MARKER}, then the user message.
 */
public final class PromptTemplate {
    public static final String USER_MARKER = "=== user ===";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");

    private final String name;
    private final String text;

    private PromptTemplate(String name, String text) {
        this.name = name;
        this.text = text;
    }

    /** The template in the class-path resource {@code resource} (e.g. {@code prompts/answer_user.txt}). */
    public static PromptTemplate load(String resource) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        InputStream found = loader == null ? null : loader.getResourceAsStream(resource);
        if (found == null) {
            found = PromptTemplate.class.getClassLoader().getResourceAsStream(resource);
        }
        if (found == null) {
            throw new IllegalStateException("prompt resource missing: " + resource);
        }
        try (InputStream in = found) {
            return new PromptTemplate(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompt " + resource, e);
        }
    }

    /** A template from text, for prompts assembled in code and for tests. */
    public static PromptTemplate of(String name, String text) {
        return new PromptTemplate(name, text);
    }

    /** The whole text with every placeholder filled. */
    public String render(Map<String, String> values) {
        return fill(name, text, values);
    }

    /** The system message (before {@value #USER_MARKER}) and the user message, both filled. */
    public List<ChatMessage> messages(Map<String, String> values) {
        int marker = text.indexOf(USER_MARKER);
        if (marker < 0) {
            throw new IllegalStateException(name + " has no '" + USER_MARKER + "' line");
        }
        return List.of(ChatMessage.system(fill(name, text.substring(0, marker).strip(), values)),
                ChatMessage.user(fill(name, text.substring(marker + USER_MARKER.length()).strip(), values)));
    }

    private static String fill(String name, String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 256);
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
