package io.vectorless.gateway.web;

import io.vectorless.gateway.config.GatewayProperties;
import io.vectorless.gateway.domain.DocumentRecord;
import io.vectorless.gateway.storage.DocumentStore;
import jakarta.annotation.PreDestroy;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Status streams of documents. Each stream polls the document's record rather than listening in-process, so it
 * sees changes made by any gateway replica.
 */
@Component
class DocumentEventStream {
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final DocumentStore docs;
    private final Duration timeout;
    private final Duration pollInterval;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
        Thread thread = new Thread(r, "document-events");
        thread.setDaemon(true);
        return thread;
    });

    DocumentEventStream(DocumentStore docs, GatewayProperties properties) {
        this.docs = docs;
        this.timeout = properties.eventStreamTimeout();
        this.pollInterval = properties.eventStreamPollInterval();
    }

    SseEmitter open(DocumentRecord initial) {
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        AtomicReference<DocumentView> last = new AtomicReference<>(DocumentView.of(initial));
        if (!send(emitter, last.get())) {
            return emitter;
        }
        if (initial.status().isFinal()) {
            emitter.complete();
            return emitter;
        }
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        AtomicLong lastSent = new AtomicLong(System.nanoTime());
        Runnable poll = () -> {
            Optional<DocumentRecord> current = docs.find(initial.id());
            if (current.isEmpty()) {
                sendDeleted(emitter, initial.id());
                emitter.complete();
                cancel(task);
                return;
            }
            DocumentView view = DocumentView.of(current.get());
            if (!sameState(view, last.get())) {
                last.set(view);
                lastSent.set(System.nanoTime());
                if (!send(emitter, view)) {
                    cancel(task);
                    return;
                }
            } else if (System.nanoTime() - lastSent.get() > HEARTBEAT.toNanos()) {
                // a comment line keeps proxies from closing a stream that waits on a long summarizing stage
                lastSent.set(System.nanoTime());
                if (!heartbeat(emitter)) {
                    cancel(task);
                    return;
                }
            }
            if (current.get().status().isFinal()) {
                emitter.complete();
                cancel(task);
            }
        };
        task.set(scheduler.scheduleWithFixedDelay(() -> {
            try {
                poll.run();
            } catch (RuntimeException e) {
                emitter.completeWithError(e);
                cancel(task);
            }
        }, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS));
        emitter.onCompletion(() -> cancel(task));
        emitter.onTimeout(() -> {
            cancel(task);
            emitter.complete();
        });
        emitter.onError(e -> cancel(task));
        return emitter;
    }

    private static boolean sameState(DocumentView a, DocumentView b) {
        return a.status().equals(b.status()) && a.progress() == b.progress() && a.version() == b.version()
                && java.util.Objects.equals(a.error(), b.error()) && a.indexedVersion() == b.indexedVersion();
    }

    private static boolean send(SseEmitter emitter, DocumentView view) {
        try {
            emitter.send(SseEmitter.event().name("status").data(view, MediaType.APPLICATION_JSON));
            return true;
        } catch (IOException | IllegalStateException clientGone) {
            emitter.completeWithError(clientGone);
            return false;
        }
    }

    private static boolean heartbeat(SseEmitter emitter) {
        try {
            emitter.send(SseEmitter.event().comment("keep-alive"));
            return true;
        } catch (IOException | IllegalStateException clientGone) {
            emitter.completeWithError(clientGone);
            return false;
        }
    }

    private static void sendDeleted(SseEmitter emitter, long id) {
        try {
            emitter.send(SseEmitter.event().name("deleted").data("{\"status\":\"deleted\",\"doc_id\":" + id + "}"));
        } catch (IOException | IllegalStateException ignored) {
            // the client is gone as well
        }
    }

    private static void cancel(AtomicReference<ScheduledFuture<?>> task) {
        ScheduledFuture<?> future = task.get();
        if (future != null) {
            future.cancel(false);
        }
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }
}
