package io.vectorless.gateway.documents;

import io.vectorless.gateway.config.GatewayProperties;
import io.vectorless.gateway.documents.storage.DocumentStore;
import io.vectorless.gateway.domain.DocumentRecord;
import io.vectorless.gateway.support.GatewayTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.retry.support.RetryTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A watch that begins while the notifier is reading the watched documents is not told its document was deleted:
 * the read did not look for it. (A status stream opened at that moment used to end with a "deleted" event, and the
 * console dropped the freshly uploaded document's row.)
 */
class StatusPollRaceTest extends GatewayTestBase {
    @Autowired
    MongoTemplate mongo;
    @Autowired
    RetryTemplate optimisticRetry;
    @Autowired
    GatewayProperties properties;

    @Test
    void aWatchBegunWhileTheNotifierReadsIsNotToldItsDocumentWasDeleted() throws Exception {
        long ws = workspace();
        long first = uploadText(ws, 300).get("id").asLong();
        long second = uploadText(ws, 400).get("id").asLong();
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        DocumentStore pausing = new DocumentStore(mongo, optimisticRetry) {
            @Override
            public Map<Long, DocumentRecord> findAll(Collection<Long> ids) {
                Map<Long, DocumentRecord> found = super.findAll(ids);
                reading.countDown();
                await(release);
                return found;
            }
        };
        DocumentStatusNotifier notifier = new DocumentStatusNotifier(pausing, withPollInterval(Duration.ofHours(1)));
        try {
            List<Optional<DocumentRecord>> heardBySecond = new ArrayList<>();
            DocumentRecord firstSeen = pausing.find(first).orElseThrow();
            notifier.watch(firstSeen.withStallRetries(firstSeen.stallRetries() + 1), document -> { });

            CompletableFuture<Void> poll = CompletableFuture.runAsync(notifier::poll);
            assertThat(reading.await(30, TimeUnit.SECONDS)).isTrue();
            notifier.watch(pausing.find(second).orElseThrow(), heardBySecond::add);
            release.countDown();
            poll.get(30, TimeUnit.SECONDS);

            assertThat(heardBySecond).as("the second document exists; the read only did not look for it").isEmpty();
        } finally {
            notifier.stop();
        }
    }

    private GatewayProperties withPollInterval(Duration interval) {
        GatewayProperties p = properties;
        return new GatewayProperties(p.queryServiceUrl(), p.queryServiceConnectTimeout(), p.queryServiceReadTimeout(),
                p.ragMaxBytesPerWorkspace(), p.stallTimeout(), p.watchdogInterval(), p.maxUploadWait(),
                p.eventStreamTimeout(), interval, p.cors());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
