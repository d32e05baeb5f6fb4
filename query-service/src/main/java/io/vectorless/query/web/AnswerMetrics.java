package io.vectorless.query.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.vectorless.query.answer.QueryAnswer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * Counts answered questions by how they were answered ({@code vectorless.query.questions{mode}}), so an operator
 * sees when answers fall back to the lexical navigator, and logs one line per question.
 */
@Component
class AnswerMetrics {
    private static final Logger log = LoggerFactory.getLogger(AnswerMetrics.class);
    private final MeterRegistry meters;

    AnswerMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void record(String endpoint, long workspaceId, QueryAnswer answer) {
        String mode = answer.mode().name().toLowerCase(Locale.ROOT);
        meters.counter("vectorless.query.questions", "mode", mode, "endpoint", endpoint).increment();
        meters.summary("vectorless.query.llm.calls.per.question").record(answer.llmCalls());
        log.info("answered workspace={} endpoint={} mode={} docs={} nodes={} llmCalls={} promptTokens={}",
                workspaceId, endpoint, mode, answer.routedDocs().size(), answer.nodeIds(), answer.llmCalls(),
                answer.promptTokens());
    }
}
