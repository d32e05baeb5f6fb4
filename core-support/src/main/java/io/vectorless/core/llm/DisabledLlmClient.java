package io.vectorless.core.llm;

import java.util.function.Consumer;

/** The default: no LLM configured. Every caller has a lexical or extractive path for this. */
public class DisabledLlmClient implements LlmClient {
    @Override
    public boolean enabled() {
        return false;
    }

    @Override
    public boolean vision() {
        return false;
    }

    @Override
    public ChatResult chat(ChatRequest request) {
        throw new LlmUnavailableException("no LLM is configured (set LLM_BASE_URL)", null);
    }

    @Override
    public ChatResult stream(ChatRequest request, Consumer<String> onDelta) {
        return chat(request);
    }
}
