package io.vectorless.support.messaging;

/**
 * Kept so older call sites compile.
 *
 * @deprecated use {@link io.vectorless.core.failure.FailureReasons}
 */
@Deprecated(forRemoval = true)
public final class FailureReasons {
    private FailureReasons() {
    }

    public static String describe(Throwable failure, String fallback) {
        return io.vectorless.core.failure.FailureReasons.describe(failure, fallback);
    }

    public static String clean(String message) {
        return io.vectorless.core.failure.FailureReasons.clean(message);
    }
}
