package io.vectorless.gateway.documents;

import io.vectorless.gateway.config.GatewayProperties;
import io.vectorless.gateway.domain.ApiException;
import io.vectorless.gateway.domain.DocumentRecord;
import io.vectorless.gateway.documents.storage.DocumentStore;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one place that tells waiting callers a document changed: the status streams (SSE) and uploads that
 * {@code wait} for a final status. One poller reads every watched document in one query per interval. It reads the
 * stored record rather than listening in-process, so it sees changes made by any gateway replica.
 */
@Component
public class DocumentStatusNotifier {
    private static final Logger log = LoggerFactory.getLogger(DocumentStatusNotifier.class);

    /** What a watcher hears. Calls come from the poller's thread, one at a time. */
    public interface Watcher {
        /** The document as stored now, after it changed; empty once it is deleted (the last call). */
        void changed(Optional<DocumentRecord> document);

        /** Each poll in which nothing changed, for streams that send keep-alives. */
        default void idle() {
        }
    }

    /** Ends a watch. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /** What a watcher last heard, and the poll it joined in: a poll only tells watchers it read the document for. */
    private record Seen(DocumentRecord document, long sincePoll) {
    }

    private final DocumentStore docs;
    private final Map<Long, Map<Watcher, Seen>> watched = new ConcurrentHashMap<>();
    private final AtomicLong polls = new AtomicLong();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "document-status");
        thread.setDaemon(true);
        return thread;
    });

    public DocumentStatusNotifier(DocumentStore docs, GatewayProperties properties) {
        this.docs = docs;
        long interval = properties.eventStreamPollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::poll, interval, interval, TimeUnit.MILLISECONDS);
    }

    /** Watches a document from {@code seen} on: the watcher hears each later change. */
    public Subscription watch(DocumentRecord seen, Watcher watcher) {
        watched.computeIfAbsent(seen.id(), id -> new ConcurrentHashMap<>()).put(watcher, new Seen(seen, polls.get()));
        return () -> forget(seen.id(), watcher);
    }

    /** Waits up to {@code wait} for the document to reach indexed or failed; returns its state either way. */
    public DocumentRecord awaitFinal(long id, Duration wait) {
        DocumentRecord now = docs.find(id).orElseThrow(() -> ApiException.notFound("Document " + id + " not found"));
        if (now.status().isFinal()) {
            return now;
        }
        CompletableFuture<Optional<DocumentRecord>> done = new CompletableFuture<>();
        try (Subscription ignored = watch(now, document -> {
            if (document.isEmpty() || document.get().status().isFinal()) {
                done.complete(document);
            }
        })) {
            return done.get(wait.toMillis(), TimeUnit.MILLISECONDS)
                    .orElseThrow(() -> ApiException.notFound("Document " + id + " not found"));
        } catch (TimeoutException e) {
            return docs.find(id).orElseThrow(() -> ApiException.notFound("Document " + id + " not found"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return now;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Reads the watched documents and tells their watchers. Only the documents and watchers that were there before
     * the read are told: a document missing from the read because its watch began after it is not "deleted".
     */
    void poll() {
        if (watched.isEmpty()) {
            return;
        }
        try {
            long poll = polls.incrementAndGet();
            Set<Long> ids = Set.copyOf(watched.keySet());
            Map<Long, DocumentRecord> current = docs.findAll(ids);
            for (long id : ids) {
                Map<Watcher, Seen> watchers = watched.getOrDefault(id, Map.of());
                Optional<DocumentRecord> now = Optional.ofNullable(current.get(id));
                watchers.forEach((watcher, seen) -> {
                    if (seen.sincePoll() < poll) {
                        tell(id, watcher, seen, now);
                    }
                });
            }
        } catch (RuntimeException e) {
            // MongoDB unreachable for a moment: the watchers keep waiting, the next poll tries again
            log.warn("could not read watched documents: {}", e.getMessage());
        }
    }

    private void tell(long id, Watcher watcher, Seen last, Optional<DocumentRecord> now) {
        try {
            if (now.isEmpty()) {
                forget(id, watcher);
                watcher.changed(now);
            } else if (!now.get().equals(last.document())) {
                Map<Watcher, Seen> watchers = watched.get(id);
                if (watchers != null) {
                    watchers.replace(watcher, new Seen(now.get(), last.sincePoll()));
                }
                watcher.changed(now);
            } else {
                watcher.idle();
            }
        } catch (RuntimeException e) {
            log.warn("a watcher of document {} failed: {}", id, e.getMessage());
            forget(id, watcher);
        }
    }

    private void forget(long id, Watcher watcher) {
        watched.computeIfPresent(id, (key, watchers) -> {
            watchers.remove(watcher);
            return watchers.isEmpty() ? null : watchers;
        });
    }

    @PreDestroy
    void stop() {
        poller.shutdownNow();
    }
}
