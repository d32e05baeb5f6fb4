package io.vectorless.indexer.summary;

import io.vectorless.support.llm.ChatMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A prompt kept as a resource file: the system message, a line {@value #USER_MARKER}, then the user message with
 * {@code {{name}}} placeholders. Values are inserted once, so a placeholder inside a value stays as it is.
 */
public final class PromptTemplate {
    static final String USER_MARKER = "=== user ===";

    private final String system;
    private final String user;

    PromptTemplate(String system, String user) {
        this.system = system;
        this.user = user;
    }

    public static PromptTemplate load(String resource) {
        try (InputStream in = PromptTemplate.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("prompt resource missing: " + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int marker = text.indexOf(USER_MARKER);
            if (marker < 0) {
                throw new IllegalStateException(resource + " has no '" + USER_MARKER + "' line");
            }
            return new PromptTemplate(text.substring(0, marker).strip(),
                    text.substring(marker + USER_MARKER.length()).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompt " + resource, e);
        }
    }

    public List<ChatMessage> render(Map<String, String> values) {
        return List.of(ChatMessage.system(system), ChatMessage.user(fill(user, values)));
    }

    static String fill(String template, Map<String, String> values) {
        StringBuilder out = new StringBuilder(template.length() + 256);
        int from = 0;
        while (true) {
            int open = template.indexOf("{{", from);
            int close = open < 0 ? -1 : template.indexOf("}}", open + 2);
            if (close < 0) {
                return out.append(template, from, template.length()).toString();
            }
            String name = template.substring(open + 2, close).strip();
            out.append(template, from, open);
            String value = values.get(name);
            out.append(value != null ? value : template.substring(open, close + 2));
            from = close + 2;
        }
    }
}
