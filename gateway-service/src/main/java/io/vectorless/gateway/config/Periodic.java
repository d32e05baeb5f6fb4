package io.vectorless.gateway.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One task run on its own daemon thread at a fixed delay, for the gateway's background sweeps. A run that throws
 * is logged and the next run still comes: a sweep that fails once (a store briefly away) must not stop for good.
 */
public final class Periodic implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Periodic.class);

    private final ScheduledExecutorService scheduler;

    private Periodic(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /** Runs {@code task} on a thread named {@code name}: first after {@code initialDelay}, then every {@code delay}. */
    public static Periodic start(String name, Duration initialDelay, Duration delay, Runnable task) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("{} failed: {}", name, e.getMessage());
            }
        }, initialDelay.toMillis(), delay.toMillis(), TimeUnit.MILLISECONDS);
        return new Periodic(scheduler);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
