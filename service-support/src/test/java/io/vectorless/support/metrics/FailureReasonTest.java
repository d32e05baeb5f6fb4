package io.vectorless.support.metrics;

import io.vectorless.schema.EventJson;
import io.vectorless.core.llm.LlmException;
import io.vectorless.core.failure.PermanentFailure;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

import java.io.UncheckedIOException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

class FailureReasonTest {

    @Test
    void failuresFallIntoFewCategoriesFoundAnywhereInTheCauseChain() {
        assertThat(FailureReason.of(new PermanentFailure("encrypted PDF"))).isEqualTo(FailureReason.UNPROCESSABLE_DOCUMENT);
        assertThat(FailureReason.of(new IllegalStateException("wrapped", new LlmException("429", 429, true, null))))
                .isEqualTo(FailureReason.LLM);
        assertThat(FailureReason.of(new RuntimeException(new TimeoutException("slow")))).isEqualTo(FailureReason.TIMEOUT);
        assertThat(FailureReason.of(new DataAccessResourceFailureException("down"))).isEqualTo(FailureReason.DATABASE);
        assertThat(FailureReason.of(new UncheckedIOException(new IOException("disk")))).isEqualTo(FailureReason.INTERNAL);
        assertThat(FailureReason.values()).extracting(FailureReason::tag).contains("unprocessable_document", "stalled");
        assertThat(FailureReason.of(new EventJson.MalformedEventException("bad", new IOException("not JSON"))))
                .isEqualTo(FailureReason.MALFORMED_EVENT);
    }
}
