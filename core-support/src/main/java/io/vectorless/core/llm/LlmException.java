package io.vectorless.core.llm;

/** A chat-completions call failed. {@link #retryable()} says whether trying again could help (429, 5xx, I/O). */
public class LlmException extends RuntimeException {
    private final int status;
    private final boolean retryable;

    public LlmException(String message, int status, boolean retryable, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.retryable = retryable;
    }

    public int status() {
        return status;
    }

    public boolean retryable() {
        return retryable;
    }
}
