package io.vectorless.core.llm;

/** The text a model answered, with the token usage it reported (0 when it reported none). */
public record ChatResult(String content, String model, int promptTokens, int completionTokens) {
}
