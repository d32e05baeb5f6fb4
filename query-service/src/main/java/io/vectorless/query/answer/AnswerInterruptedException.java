package io.vectorless.query.answer;

/** The answer failed after part of it had been streamed to the client. */
public class AnswerInterruptedException extends RuntimeException {
    public AnswerInterruptedException(String message, Throwable cause) {
        super(message, cause);
    }
}
