package io.vectorless.gateway.web;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An upstream answer's body read chunk by chunk with a limit on silence: the JDK client's request timeout ends at
 * the response headers, and its input stream blocks for as long as the server keeps the connection open, so a
 * query-service that stalls mid-answer would hold the client's stream forever.
 */
final class UpstreamBody implements HttpResponse.BodySubscriber<UpstreamBody> {
    private static final Object END = new Object();

    private final BlockingQueue<Object> chunks = new LinkedBlockingQueue<>();
    private final Duration idleLimit;
    private volatile Flow.Subscription subscription;

    private UpstreamBody(Duration idleLimit) {
        this.idleLimit = idleLimit;
    }

    /** A body handler whose body is read through {@link #next()}, as it arrives. */
    static HttpResponse.BodyHandler<UpstreamBody> handler(Duration idleLimit) {
        return info -> new UpstreamBody(idleLimit);
    }

    /** Available at once with the headers; the bytes follow through {@link #next()}. */
    @Override
    public CompletionStage<UpstreamBody> getBody() {
        return CompletableFuture.completedFuture(this);
    }

    /**
     * The next chunk's bytes, or {@code null} at the end of the body.
     *
     * @throws IOException when the upstream fails or stays silent longer than the limit
     */
    byte[] next() throws IOException {
        Object item;
        try {
            item = chunks.poll(idleLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel();
            throw new InterruptedIOException("interrupted while reading the query service's answer");
        }
        if (item == null) {
            cancel();
            throw new IOException("the query service sent nothing for " + idleLimit.toSeconds() + " s");
        }
        if (item == END) {
            return null;
        }
        if (item instanceof Throwable failure) {
            throw failure instanceof IOException io ? io : new IOException(failure);
        }
        @SuppressWarnings("unchecked")
        List<ByteBuffer> buffers = (List<ByteBuffer>) item;
        int size = buffers.stream().mapToInt(ByteBuffer::remaining).sum();
        byte[] bytes = new byte[size];
        int at = 0;
        for (ByteBuffer buffer : buffers) {
            int n = buffer.remaining();
            buffer.get(bytes, at, n);
            at += n;
        }
        subscription.request(1);
        return bytes;
    }

    /** Every remaining byte, up to {@code max}. */
    byte[] readAll(int max) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] chunk = next(); chunk != null && out.size() < max; chunk = next()) {
            out.write(chunk, 0, Math.min(chunk.length, max - out.size()));
        }
        cancel();
        return out.toByteArray();
    }

    void cancel() {
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        chunks.add(item);
    }

    @Override
    public void onError(Throwable throwable) {
        chunks.add(throwable);
    }

    @Override
    public void onComplete() {
        chunks.add(END);
    }
}
