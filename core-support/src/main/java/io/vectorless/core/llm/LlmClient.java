package io.vectorless.core.llm;

import java.util.function.Consumer;

/** Chat completions from whichever OpenAI-compatible server is configured, or none. */
public interface LlmClient {

    /** Whether an LLM is configured at all. */
    boolean enabled();

    /** Whether the configured model takes images. */
    boolean vision();

    /**
     * One call, with timeout, retries on 429/5xx and the circuit breaker around it.
     *
     * @throws LlmUnavailableException when no LLM is configured or the circuit is open
     * @throws LlmException            when the call failed for good
     */
    ChatResult chat(ChatRequest request);

    /** Like {@link #chat} but hands each content delta to {@code onDelta} as it arrives. */
    ChatResult stream(ChatRequest request, Consumer<String> onDelta);
}
