package io.vectorless.support.health;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A dependency check that answers within a bound: drivers wait up to 30 s (MongoDB's server selection) or minutes
 * (HTTP clients) for a server that is gone, and a probe must not. A check still running from an earlier probe is
 * awaited rather than started again, so a dead dependency never piles up threads. A failure is a DOWN with the
 * reason, logged at debug only: readiness is probed often, and the dependency's own client already says it is gone.
 */
abstract class TimeLimitedHealthIndicator implements HealthIndicator {
    private static final Logger log = LoggerFactory.getLogger(TimeLimitedHealthIndicator.class);
    private static final ExecutorService CHECKS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "health-check");
        thread.setDaemon(true);
        return thread;
    });

    private final Duration timeout;
    private Future<Map<String, Object>> inFlight;

    TimeLimitedHealthIndicator(Duration timeout) {
        this.timeout = timeout;
    }

    /** Talks to the dependency; returns details to show, throws when it is not usable. */
    protected abstract Map<String, Object> check() throws Exception;

    protected abstract String what();

    @Override
    public final Health health() {
        Future<Map<String, Object>> running = current();
        try {
            return Health.up().withDetails(running.get(timeout.toMillis(), TimeUnit.MILLISECONDS)).build();
        } catch (TimeoutException e) {
            return down(what() + " did not answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return down(what() + ": " + (cause.getMessage() == null ? cause.getClass().getSimpleName()
                    : cause.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down("interrupted");
        }
    }

    private static Health down(String reason) {
        log.debug("health check: {}", reason);
        return Health.down().withDetail("error", reason).build();
    }

    private synchronized Future<Map<String, Object>> current() {
        if (inFlight == null || inFlight.isDone()) {
            inFlight = CHECKS.submit(this::check);
        }
        return inFlight;
    }
}
