package io.vectorless.gateway.domain;

import io.vectorless.schema.event.DocumentStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class StallPolicyTest {

    @Test
    void redrivesOnceThenFailsWithAReadableReason() {
        DocumentRecord doc = DocumentRecord.uploaded(1, 1, "a", "a.pdf", "h", 1, "application/pdf", false,
                Instant.now()).withStatus(DocumentStatus.SUMMARIZING, 30, null, Instant.now(), "e");

        assertThat(StallPolicy.decide(doc)).isEqualTo(StallPolicy.Action.REDRIVE);
        assertThat(StallPolicy.decide(doc.withStallRetries(1))).isEqualTo(StallPolicy.Action.FAIL);
        assertThat(StallPolicy.failureReason(doc, Duration.ofMinutes(10)))
                .isEqualTo("no progress for 10 minutes in stage summarizing");
        assertThat(StallPolicy.failureReason(doc, Duration.ofSeconds(90)))
                .isEqualTo("no progress for 90 seconds in stage summarizing");
    }

    @Test
    void fileTypesComeFromTheExtensionAndNamesLoseTheirPath() {
        assertThat(FileTypes.contentTypeOf("Report.PDF")).contains("application/pdf");
        assertThat(FileTypes.contentTypeOf("notes.markdown")).contains("text/markdown");
        assertThat(FileTypes.contentTypeOf("setup.exe")).isEmpty();
        assertThat(FileTypes.contentTypeOf("README")).isEmpty();
        assertThat(FileTypes.baseName("..\\..\\etc/passwd.txt")).isEqualTo("passwd.txt");
    }
}
