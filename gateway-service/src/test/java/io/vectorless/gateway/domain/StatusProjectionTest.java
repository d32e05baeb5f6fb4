package io.vectorless.gateway.domain;

import io.vectorless.schema.event.DocumentStatus;
import io.vectorless.schema.event.DocumentStatusChanged;
import io.vectorless.schema.event.IndexResult;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class StatusProjectionTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private static DocumentRecord doc() {
        return DocumentRecord.uploaded(7, 1, "alice", "a.pdf", "hash", 100, "application/pdf", false, START);
    }

    private static DocumentStatusChanged progress(int version, DocumentStatus status, double progress) {
        return DocumentStatusChanged.progress(7, version, 1, status, progress, "test");
    }

    private static DocumentRecord apply(DocumentRecord doc, DocumentStatusChanged event) {
        StatusProjection.Outcome outcome = StatusProjection.apply(doc, event, Instant.now());
        return outcome.changed() ? outcome.updated() : doc;
    }

    @Test
    void movesForwardThroughStagesWithGrowingProgress() {
        DocumentRecord doc = apply(apply(doc(), progress(1, DocumentStatus.PARSING, 5)),
                progress(1, DocumentStatus.SUMMARIZING, 40));

        assertThat(doc.status()).isEqualTo(DocumentStatus.SUMMARIZING);
        assertThat(doc.progress()).isEqualTo(40);
    }

    @Test
    void neverMovesBackwardsWithinARun() {
        DocumentRecord doc = apply(doc(), progress(1, DocumentStatus.SUMMARIZING, 40));

        assertThat(StatusProjection.apply(doc, progress(1, DocumentStatus.PARSING, 90), Instant.now()).changed())
                .isFalse();
        assertThat(apply(doc, progress(1, DocumentStatus.SUMMARIZING, 10)).progress()).isEqualTo(40);
    }

    @Test
    void ignoresOtherVersionsAndEarlierRuns() {
        DocumentRecord doc = doc();
        DocumentStatusChanged old = new DocumentStatusChanged("e1", START.minusSeconds(5), 1, 7, 1, 1,
                DocumentStatus.PARSING, 5, null, "test", null);

        assertThat(StatusProjection.apply(doc, progress(2, DocumentStatus.PARSING, 5), Instant.now()).changed())
                .isFalse();
        assertThat(StatusProjection.apply(doc, old, Instant.now()).changed()).isFalse();
    }

    @Test
    void replayingTheLastEventChangesNothing() {
        DocumentStatusChanged event = progress(1, DocumentStatus.PARSING, 5);
        DocumentRecord once = apply(doc(), event);

        assertThat(StatusProjection.apply(once, event, Instant.now()).changed()).isFalse();
    }

    @Test
    void indexedCopiesResultAndNamesTheSupersededVersion() {
        DocumentRecord live = apply(doc(), DocumentStatusChanged.indexed(7, 1, 1,
                new IndexResult("T1", "S1", 3, 0, 2, 1000, 500, 0), "test"));
        DocumentRecord replacing = live.newRun(2, Instant.now());

        StatusProjection.Outcome outcome = StatusProjection.apply(replacing, DocumentStatusChanged.indexed(7, 2, 1,
                new IndexResult("T2", "S2", 5, 1, 4, 2000, 900, 0), "test"), Instant.now());

        assertThat(live.indexedVersion()).isEqualTo(1);
        assertThat(replacing.indexedVersion()).isEqualTo(1);
        assertThat(outcome.supersededVersion()).isEqualTo(1);
        assertThat(outcome.updated().indexedVersion()).isEqualTo(2);
        assertThat(outcome.updated().docTitle()).isEqualTo("T2");
        assertThat(outcome.updated().nodeCount()).isEqualTo(5);
        assertThat(outcome.updated().indexBytes()).isEqualTo(900);
    }

    @Test
    void failureKeepsTheReasonAndALateSuccessStillWins() {
        DocumentRecord failed = apply(doc(), DocumentStatusChanged.failed(7, 1, 1, "corrupt", "ingest"));
        DocumentRecord after = apply(failed, DocumentStatusChanged.indexed(7, 1, 1,
                new IndexResult("T", "S", 1, 0, 1, 900, 10, 0), "indexer"));

        assertThat(failed.status()).isEqualTo(DocumentStatus.FAILED);
        assertThat(failed.error()).isEqualTo("corrupt");
        assertThat(after.status()).isEqualTo(DocumentStatus.INDEXED);
        assertThat(after.error()).isNull();
        assertThat(apply(after, progress(1, DocumentStatus.PARSING, 1)).status()).isEqualTo(DocumentStatus.INDEXED);
    }

    @Test
    void failureWithoutAMessageStillSaysWhere() {
        DocumentRecord failed = apply(doc(), DocumentStatusChanged.failed(7, 1, 1, null, "indexer-service"));

        assertThat(failed.error()).isEqualTo("processing failed in indexer-service");
    }
}
