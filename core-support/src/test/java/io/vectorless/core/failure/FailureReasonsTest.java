package io.vectorless.core.failure;

import org.junit.jupiter.api.Test;

import java.io.EOFException;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class FailureReasonsTest {
    private static final String FALLBACK = "an unexpected internal error";

    @Test
    void classNamesAndNullsNeverReachAPerson() {
        String reason = FailureReasons.describe(new IllegalStateException(
                "Could not queue the document: org.apache.kafka.common.errors.TimeoutException: null"), FALLBACK);

        assertThat(reason).isEqualTo("Could not queue the document");
        assertThat(FailureReasons.describe(new NullPointerException(), FALLBACK)).isEqualTo(FALLBACK);
        assertThat(FailureReasons.describe(new RuntimeException("null"), FALLBACK)).isEqualTo(FALLBACK);
        assertThat(FailureReasons.describe(new RuntimeException("java.lang.IllegalArgumentException"), FALLBACK))
                .isEqualTo(FALLBACK);
    }

    @Test
    void knownLibraryComplaintsAreTranslated() {
        RuntimeException xml = new PermanentFailure("the DOCX file is damaged and cannot be read", new IOException(
                "org.apache.xmlbeans.XmlException: error: DOCTYPE is disallowed when the feature "
                        + "\"http://apache.org/xml/features/disallow-doctype-decl\" set to true."));

        String reason = FailureReasons.describe(xml, FALLBACK);

        assertThat(reason).contains("DOCTYPE").doesNotContain("org.apache").doesNotContain("xmlbeans")
                .doesNotContain("http://");
        assertThat(FailureReasons.describe(new EOFException(), FALLBACK)).contains("truncated");
    }

    @Test
    void readableMessagesKeepTheirWords() {
        assertThat(FailureReasons.describe(new PermanentFailure("the PDF has no pages"), FALLBACK))
                .isEqualTo("the PDF has no pages");
        assertThat(FailureReasons.clean("the file name holds null bytes")).isEqualTo("the file name holds null bytes");
        assertThat(FailureReasons.clean("x".repeat(1000))).hasSizeLessThan(320);
    }
}
