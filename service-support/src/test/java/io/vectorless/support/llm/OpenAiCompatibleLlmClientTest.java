package io.vectorless.support.llm;

import io.vectorless.core.llm.ChatMessage;
import io.vectorless.core.llm.ChatRequest;
import io.vectorless.core.llm.ChatResult;
import io.vectorless.core.llm.LlmException;
import io.vectorless.core.llm.LlmUnavailableException;
import io.vectorless.core.llm.DisabledLlmClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vectorless.infra.llm.Reply;
import io.vectorless.infra.llm.ScriptedLlmServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenAiCompatibleLlmClientTest {
    private static ScriptedLlmServer llm;
    private SimpleMeterRegistry meters;

    @BeforeAll
    static void startStub() {
        llm = ScriptedLlmServer.start();
    }

    @AfterAll
    static void stopStub() {
        llm.close();
    }

    @BeforeEach
    void resetStub() {
        llm.reset();
        meters = new SimpleMeterRegistry();
    }

    private OpenAiCompatibleLlmClient client(int maxAttempts, Duration timeout) {
        return new OpenAiCompatibleLlmClient(new LlmProperties(llm.baseUrl(), "test-key", "stub-model", null, false,
                timeout, maxAttempts, Duration.ofMillis(10), 2, 50, Duration.ofMinutes(5), 0.2), meters);
    }

    private static ChatRequest question() {
        return ChatRequest.of("answer", List.of(ChatMessage.system("You answer."), ChatMessage.user("Why?")));
    }

    @Test
    void returnsTheContentAndRecordsTokenUsage() {
        llm.enqueue(Reply.content("Because."));
        ChatResult result = client(3, Duration.ofSeconds(5)).chat(question());
        assertThat(result.content()).isEqualTo("Because.");
        assertThat(result.promptTokens()).isPositive();
        assertThat(llm.calls().get(0).body().path("model").asText()).isEqualTo("stub-model");
        assertThat(meters.counter("vectorless.llm.tokens", "purpose", "answer", "type", "prompt").count())
                .isEqualTo(result.promptTokens());
    }

    @Test
    void retriesOnRateLimitAndServerErrorsThenSucceeds() {
        llm.enqueue(Reply.status(429), Reply.status(503), Reply.content("third time"));
        assertThat(client(3, Duration.ofSeconds(5)).chat(question()).content()).isEqualTo("third time");
        assertThat(llm.callCount()).isEqualTo(3);
    }

    @Test
    void doesNotRetryAClientError() {
        llm.enqueue(Reply.status(400), Reply.content("never asked"));
        assertThatThrownBy(() -> client(3, Duration.ofSeconds(5)).chat(question()))
                .isInstanceOf(LlmException.class).hasMessageContaining("400");
        assertThat(llm.callCount()).isEqualTo(1);
    }

    @Test
    void timesOutASlowReply() {
        llm.enqueue(Reply.delayed(Duration.ofSeconds(3), Reply.content("late")));
        assertThatThrownBy(() -> client(1, Duration.ofMillis(300)).chat(question()))
                .isInstanceOf(LlmException.class).hasMessageContaining("timed out");
    }

    @Test
    void opensTheCircuitAfterRepeatedFailuresAndStopsCalling() {
        llm.respondWith(call -> Reply.status(500));
        OpenAiCompatibleLlmClient client = client(1, Duration.ofSeconds(5));
        for (int i = 0; i < 6; i++) {
            try {
                client.chat(question());
            } catch (LlmException | LlmUnavailableException expected) {
                // failing on purpose
            }
        }
        int callsWhenOpen = llm.callCount();
        assertThatThrownBy(() -> client.chat(question())).isInstanceOf(LlmUnavailableException.class)
                .hasMessageContaining("circuit");
        assertThat(llm.callCount()).isEqualTo(callsWhenOpen);
    }

    @Test
    void streamsDeltasInOrder() {
        llm.enqueue(Reply.content("one two three"));
        List<String> deltas = new ArrayList<>();
        ChatResult result = client(3, Duration.ofSeconds(5)).stream(question(), deltas::add);
        assertThat(String.join("", deltas)).isEqualTo("one two three");
        assertThat(deltas).hasSizeGreaterThan(1);
        assertThat(result.completionTokens()).isPositive();
        assertThat(llm.calls().get(0).streamed()).isTrue();
    }

    @Test
    void sendsImagesAsContentParts() {
        llm.enqueue(Reply.content("a chart"));
        client(1, Duration.ofSeconds(5)).chat(ChatRequest.of("answer",
                List.of(new ChatMessage("user", "What is shown?", List.of("data:image/png;base64,AAAA")))));
        var content = llm.calls().get(0).body().path("messages").path(0).path("content");
        assertThat(content.isArray()).isTrue();
        assertThat(content.path(1).path("image_url").path("url").asText()).startsWith("data:image/png");
    }

    @Test
    void disabledClientSaysNoLlmIsConfigured() {
        assertThat(new DisabledLlmClient().enabled()).isFalse();
        assertThatThrownBy(() -> new DisabledLlmClient().chat(question()))
                .isInstanceOf(LlmUnavailableException.class).hasMessageContaining("LLM_BASE_URL");
    }
}
