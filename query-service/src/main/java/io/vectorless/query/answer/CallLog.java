package io.vectorless.query.answer;

import io.vectorless.core.llm.ChatResult;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts one question's LLM calls and tokens; tree searches run in parallel, hence atomics. */
final class CallLog {
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger promptTokens = new AtomicInteger();
    private final AtomicInteger completionTokens = new AtomicInteger();

    void attempt() {
        calls.incrementAndGet();
    }

    ChatResult record(ChatResult result) {
        promptTokens.addAndGet(result.promptTokens());
        completionTokens.addAndGet(result.completionTokens());
        return result;
    }

    int calls() {
        return calls.get();
    }

    int promptTokens() {
        return promptTokens.get();
    }

    int completionTokens() {
        return completionTokens.get();
    }
}
