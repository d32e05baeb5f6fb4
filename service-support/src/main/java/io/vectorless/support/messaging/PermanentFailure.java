package io.vectorless.support.messaging;

/**
 * Kept so older call sites compile: the type lives in core-support as
 * {@link io.vectorless.core.failure.PermanentFailure}, which every consumer's error handling recognises.
 *
 * @deprecated throw {@link io.vectorless.core.failure.PermanentFailure}
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
