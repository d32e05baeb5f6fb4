package io.vectorless.query.answer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the housekeeping requests chat UIs send to the selected model (Open WebUI's title, tags, follow-up,
 * search-query, autocomplete and emoji tasks; LibreChat's conversation title) and answers them at once, in the
 * shape each asks for, without searching the documents: a chat title must not be a cited answer, and these
 * requests arrive with every message.
 */
public final class ChatTasks {
    /** A recognised task and the reply it gets. */
    public record Reply(String task, String content) {
    }

    private static final Pattern HISTORY = Pattern.compile("<chat_history>(.*?)</chat_history>", Pattern.DOTALL);
    private static final Pattern USER_LINE = Pattern.compile("(?m)^\\s*USER:\\s*(.+)$");
    private static final Pattern LIBRECHAT_TITLE = Pattern.compile(
            "(?is).*(generate a concise, 5-word-or-less title|title in 5 words or less|"
                    + "concise title for this conversation|write a concise title).*");
    private static final Set<String> SMALL_WORDS = Set.of("a", "an", "the", "of", "to", "in", "on", "for", "and",
            "or", "is", "are", "was", "what", "how", "why", "when", "where", "which", "who", "do", "does", "did",
            "can", "could", "should", "would", "i", "me", "my", "we", "our", "you", "your", "it", "its", "this",
            "that", "with", "about", "from", "by", "be", "at", "as", "please", "tell", "each", "any", "all", "some",
            "there", "have", "has", "many", "much");

    private ChatTasks() {
    }

    /** @param prompt the last user message; {@code firstQuestion} the conversation's first user message, if any */
    public static Optional<Reply> recognise(String prompt, String firstQuestion) {
        if (prompt == null) {
            return Optional.empty();
        }
        String p = prompt.strip();
        String lower = p.toLowerCase(Locale.ROOT);
        boolean openWebUi = lower.startsWith("### task:") || lower.contains("<chat_history>");
        String topic = topic(p, firstQuestion);
        if (openWebUi) {
            if (lower.contains("\"follow_ups\"") || lower.contains("follow-up questions")) {
                return reply("follow_ups", "{\"follow_ups\": []}");
            }
            if (lower.contains("\"tags\"") || lower.contains("generate 1-3 broad tags")) {
                return reply("tags", "{\"tags\": [" + quoted(keywords(topic, 3)) + "]}");
            }
            if (lower.contains("\"queries\"") || lower.contains("search queries")) {
                String question = lastUserLine(p).orElse(topic);
                return reply("queries", "{\"queries\": [" + quoted(List.of(question)) + "]}");
            }
            if (lower.contains("autocompletion") || lower.contains("autocomplete")) {
                return reply("autocomplete", "{\"text\": \"\"}");
            }
            if (lower.contains("emoji") && !lower.contains("title")) {
                return reply("emoji", "📄");
            }
            if (lower.contains("title")) {
                String title = title(topic);
                return reply("title", lower.contains("\"title\"") ? "{\"title\": " + quote(title) + "}" : title);
            }
            return Optional.empty();
        }
        if (LIBRECHAT_TITLE.matcher(p).matches()) {
            return reply("title", title(topic));
        }
        return Optional.empty();
    }

    private static Optional<Reply> reply(String task, String content) {
        return Optional.of(new Reply(task, content));
    }

    /** What the conversation is about: its first user line in the embedded history, else the first question. */
    private static String topic(String prompt, String firstQuestion) {
        Matcher history = HISTORY.matcher(prompt);
        if (history.find()) {
            Matcher user = USER_LINE.matcher(history.group(1));
            if (user.find()) {
                return user.group(1).strip();
            }
        }
        Matcher user = USER_LINE.matcher(prompt);
        if (user.find()) {
            return user.group(1).strip();
        }
        return firstQuestion == null ? "" : firstQuestion.strip();
    }

    private static Optional<String> lastUserLine(String prompt) {
        Matcher history = HISTORY.matcher(prompt);
        String text = history.find() ? history.group(1) : prompt;
        Matcher user = USER_LINE.matcher(text);
        String last = null;
        while (user.find()) {
            last = user.group(1).strip();
        }
        return Optional.ofNullable(last);
    }

    /** Up to five words of the first question, title-cased, without punctuation; "Document Question" if empty. */
    static String title(String topic) {
        List<String> words = new ArrayList<>();
        for (String word : topic.split("[^\\p{L}\\p{N}'-]+")) {
            if (!word.isBlank() && words.size() < 5) {
                words.add(Character.toUpperCase(word.charAt(0)) + word.substring(1));
            }
        }
        return words.isEmpty() ? "Document Question" : String.join(" ", words);
    }

    static List<String> keywords(String topic, int max) {
        Set<String> out = new LinkedHashSet<>();
        for (String word : topic.split("[^\\p{L}\\p{N}-]+")) {
            String w = word.toLowerCase(Locale.ROOT);
            if (w.length() > 2 && !SMALL_WORDS.contains(w) && out.size() < max) {
                out.add(Character.toUpperCase(w.charAt(0)) + w.substring(1));
            }
        }
        if (out.isEmpty()) {
            out.add("Documents");
        }
        return new ArrayList<>(out);
    }

    private static String quoted(List<String> values) {
        return String.join(", ", values.stream().map(ChatTasks::quote).toList());
    }

    static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
