package io.vectorless.gateway.documents.web;

import io.vectorless.gateway.config.GatewayProperties;
import io.vectorless.gateway.documents.DocumentStatusNotifier;
import io.vectorless.gateway.domain.DocumentRecord;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Status streams of documents as server-sent events: the current state first, then one event per change heard from
 * the {@link DocumentStatusNotifier}, ending after a final status or the document's deletion.
 */
@Component
class DocumentEventStream {
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final DocumentStatusNotifier notifier;
    private final Duration timeout;

    DocumentEventStream(DocumentStatusNotifier notifier, GatewayProperties properties) {
        this.notifier = notifier;
        this.timeout = properties.eventStreamTimeout();
    }

    SseEmitter open(DocumentRecord initial) {
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        if (!send(emitter, DocumentView.of(initial))) {
            return emitter;
        }
        if (initial.status().isFinal()) {
            emitter.complete();
            return emitter;
        }
        Stream stream = new Stream(emitter, DocumentView.of(initial));
        stream.subscribed(notifier.watch(initial, stream));
        emitter.onCompletion(stream::close);
        emitter.onTimeout(() -> {
            stream.close();
            emitter.complete();
        });
        emitter.onError(e -> stream.close());
        return emitter;
    }

    /** One open stream; the notifier calls it from one thread at a time. */
    private static final class Stream implements DocumentStatusNotifier.Watcher {
        private final SseEmitter emitter;
        private DocumentView last;
        private long lastSent = System.nanoTime();
        private volatile DocumentStatusNotifier.Subscription subscription;
        private volatile boolean closed;

        Stream(SseEmitter emitter, DocumentView first) {
            this.emitter = emitter;
            this.last = first;
        }

        @Override
        public void changed(Optional<DocumentRecord> document) {
            if (document.isEmpty()) {
                sendDeleted(emitter, last.id());
                emitter.complete();
                close();
                return;
            }
            DocumentView view = DocumentView.of(document.get());
            if (!sameState(view, last)) {
                last = view;
                lastSent = System.nanoTime();
                if (!send(emitter, view)) {
                    close();
                    return;
                }
            }
            if (document.get().status().isFinal()) {
                emitter.complete();
                close();
            }
        }

        @Override
        public void idle() {
            // a comment line keeps proxies from closing a stream that waits on a long summarizing stage
            if (System.nanoTime() - lastSent > HEARTBEAT.toNanos()) {
                lastSent = System.nanoTime();
                try {
                    emitter.send(SseEmitter.event().comment("keep-alive"));
                } catch (IOException | IllegalStateException clientGone) {
                    emitter.completeWithError(clientGone);
                    close();
                }
            }
        }

        /** The notifier may end the stream before {@code watch} returns: a stream closed by then lets go at once. */
        void subscribed(DocumentStatusNotifier.Subscription subscription) {
            this.subscription = subscription;
            if (closed) {
                subscription.close();
            }
        }

        void close() {
            closed = true;
            DocumentStatusNotifier.Subscription current = subscription;
            if (current != null) {
                current.close();
            }
        }
    }

    private static boolean sameState(DocumentView a, DocumentView b) {
        return a.status().equals(b.status()) && a.progress() == b.progress() && a.version() == b.version()
                && Objects.equals(a.error(), b.error()) && a.indexedVersion() == b.indexedVersion();
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

    private static void sendDeleted(SseEmitter emitter, long id) {
        try {
            emitter.send(SseEmitter.event().name("deleted").data(
                    new DocumentController.DocumentDeleted("deleted", id), MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException ignored) {
            // the client is gone as well
        }
    }
}
