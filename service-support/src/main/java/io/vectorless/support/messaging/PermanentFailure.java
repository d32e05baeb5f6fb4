package io.vectorless.support.messaging;

/**
 * Kept so older call sites compile: the type lives in core-support as
 * {@link io.vectorless.core.failure.PermanentFailure}, which every consumer's error handling recognises.
 *
 * @deprecated throw and catch {@link io.vectorless.core.failure.PermanentFailure} (a catch of this subclass misses
 *             the failures the cores throw)
 */
@Deprecated(forRemoval = true)
public class PermanentFailure extends io.vectorless.core.failure.PermanentFailure {
    public PermanentFailure(String reason) {
        super(reason);
    }

    public PermanentFailure(String reason, Throwable cause) {
        super(reason, cause);
    }
}
