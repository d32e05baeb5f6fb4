package io.vectorless.core.failure;

/**
 * A failure that no retry can cure (a corrupt or hostile file, a password-protected PDF, an unsupported type).
 * The consumer does not retry it: the document is marked {@code failed} with {@link #getMessage()} as the reason,
 * which must read well to a person.
 */
public class PermanentFailure extends RuntimeException {
    public PermanentFailure(String reason) {
        super(reason);
    }

    public PermanentFailure(String reason, Throwable cause) {
        super(reason, cause);
    }
}
