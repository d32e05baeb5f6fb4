package io.vectorless.support.llm;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The OpenAI-compatible chat-completions server ({@code vectorless.llm.*}, from {@code LLM_BASE_URL},
 * {@code LLM_API_KEY}, {@code LLM_MODEL}). A blank base URL means no LLM: the lexical navigator answers.
 */
@ConfigurationProperties("vectorless.llm")
public record LlmProperties(
        String baseUrl,
        String apiKey,
        @DefaultValue("gpt-4o-mini") String model,
        String summaryModel,
        @DefaultValue("false") boolean vision,
        @DefaultValue("60s") Duration timeout,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("1s") Duration retryBackoff,
        @DefaultValue("4") int maxConcurrentCalls,
        @DefaultValue("50") int failureRateThreshold,
        @DefaultValue("30s") Duration openStateWait,
        @DefaultValue("0.2") double temperature) {

    public boolean enabled() {
        return baseUrl != null && !baseUrl.isBlank();
    }

    public String summaryModelOrDefault() {
        return summaryModel == null || summaryModel.isBlank() ? model : summaryModel;
    }
}
