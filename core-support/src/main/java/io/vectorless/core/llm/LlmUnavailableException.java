package io.vectorless.core.llm;

/**
 * No LLM can be asked right now: none is configured, its circuit breaker is open, or too many calls are in flight.
 * Callers fall back to the lexical navigator and say so.
 */
public class LlmUnavailableException extends RuntimeException {
    public LlmUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
