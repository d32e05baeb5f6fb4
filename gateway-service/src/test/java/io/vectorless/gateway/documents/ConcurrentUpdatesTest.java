package io.vectorless.gateway.documents;

import io.vectorless.gateway.domain.ApiException;
import io.vectorless.gateway.documents.storage.DocumentStore;
import io.vectorless.gateway.support.GatewayTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Writers racing on one document: each applied change is kept (optimistic locking), none overwrites another. */
class ConcurrentUpdatesTest extends GatewayTestBase {
    @Autowired
    DocumentStore docs;

    @Test
    void racingReadModifyWritesLoseNoUpdate() throws Exception {
        long id = uploadText(workspace(), 300).get("id").asLong();
        AtomicInteger applied = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        try {
                            docs.update(id, d -> d.withStallRetries(d.stallRetries() + 1));
                            applied.incrementAndGet();
                        } catch (ApiException conflict) {
                            assertThat(conflict.status()).isEqualTo(409);
                            refused.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(applied.get() + refused.get()).isEqualTo(40);
        assertThat(applied.get()).isGreaterThan(20);
        assertThat(docs.find(id).orElseThrow().stallRetries()).isEqualTo(applied.get());
    }
}
