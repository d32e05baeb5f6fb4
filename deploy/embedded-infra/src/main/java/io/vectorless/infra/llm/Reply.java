package io.vectorless.infra.llm;

import java.time.Duration;

/** One scripted answer of the {@link ScriptedLlmServer}. */
public record Reply(int status, String content, String rawBody, Duration delay) {

    /** A normal chat completion whose message content is {@code content}. */
    public static Reply content(String content) {
        return new Reply(200, content, null, Duration.ZERO);
    }

    /** An HTTP error with an OpenAI-style error body. */
    public static Reply status(int status) {
        return status(status, "{\"error\":{\"message\":\"scripted failure\",\"type\":\"server_error\",\"code\":\"" + status + "\"}}");
    }

    public static Reply status(int status, String body) {
        return new Reply(status, null, body, Duration.ZERO);
    }

    /** Exactly this body with this status, e.g. something that is not JSON. */
    public static Reply raw(int status, String body) {
        return new Reply(status, null, body, Duration.ZERO);
    }

    /** The same reply after a pause, for timeouts. */
    public static Reply delayed(Duration delay, Reply reply) {
        return new Reply(reply.status, reply.content, reply.rawBody, delay);
    }
}
