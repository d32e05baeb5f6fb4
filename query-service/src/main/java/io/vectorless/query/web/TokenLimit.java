package io.vectorless.query.web;

/**
 * Honours {@code max_tokens}: passes text through until the budget is spent, then nothing, and says whether the
 * answer was cut ({@code finish_reason: "length"}). Tokens are estimated at four characters each, the rule of
 * thumb for English with OpenAI's tokenizers, since answers may come from no model at all.
 */
final class TokenLimit {
    private static final int CHARS_PER_TOKEN = 4;
    private final long maxChars;
    private long used;
    private boolean cut;

    TokenLimit(Integer maxTokens) {
        this.maxChars = maxTokens == null ? Long.MAX_VALUE : (long) maxTokens * CHARS_PER_TOKEN;
    }

    /** The part of {@code text} still within the budget. */
    String take(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        long left = maxChars - used;
        if (text.length() <= left) {
            used += text.length();
            return text;
        }
        cut = true;
        int end = (int) Math.max(0, left);
        if (end > 0 && end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        used = maxChars;
        return text.substring(0, end);
    }

    String finishReason() {
        return cut ? "length" : "stop";
    }

    static int tokens(String text) {
        return text == null ? 0 : (text.length() + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
    }
}
