package io.vectorless.support.llm;

import io.vectorless.core.llm.ChatMessage;
import io.vectorless.core.llm.ChatRequest;
import io.vectorless.core.llm.ChatResult;
import io.vectorless.core.llm.LlmClient;
import io.vectorless.core.llm.LlmException;
import io.vectorless.core.llm.LlmUnavailableException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Chat completions against any OpenAI-compatible server (OpenAI, vLLM, Ollama, LM Studio) over plain HTTP, wrapped
 * in resilience4j: a bulkhead bounds calls in flight, a retry with exponential backoff covers 429, 5xx and I/O
 * failures, a circuit breaker stops calling a server that keeps failing. Calls, token usage, latency and the
 * breaker's state go to Micrometer ({@code vectorless.llm.calls}, {@code vectorless.llm.tokens},
 * {@value #CALL_DURATION}, {@value #CIRCUIT_OPEN}).
 */
public class OpenAiCompatibleLlmClient implements LlmClient {
    public static final String CALL_DURATION = "vectorless.llm.call.duration";
    public static final String CIRCUIT_OPEN = "vectorless.llm.circuit.open";
    private final LlmProperties properties;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final URI endpoint;
    private final CircuitBreaker circuitBreaker;
    private final Retry retry;
    private final Bulkhead bulkhead;
    private final MeterRegistry meters;

    public OpenAiCompatibleLlmClient(LlmProperties properties, MeterRegistry meters) {
        this.properties = properties;
        this.meters = meters == null ? new SimpleMeterRegistry() : meters;
        String base = properties.baseUrl().endsWith("/") ? properties.baseUrl() : properties.baseUrl() + "/";
        this.endpoint = URI.create(base).resolve("chat/completions");
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1).build();
        this.circuitBreaker = CircuitBreaker.of("llm", CircuitBreakerConfig.custom()
                .failureRateThreshold(properties.failureRateThreshold())
                .slidingWindowSize(10)
                .minimumNumberOfCalls(4)
                .waitDurationInOpenState(properties.openStateWait())
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordException(e -> !(e instanceof LlmException le) || le.retryable())
                .build());
        this.retry = Retry.of("llm", RetryConfig.custom()
                .maxAttempts(Math.max(1, properties.maxAttempts()))
                .intervalFunction(IntervalFunction.ofExponentialBackoff(properties.retryBackoff(), 2.0))
                .retryOnException(e -> e instanceof LlmException le && le.retryable())
                .build());
        this.bulkhead = Bulkhead.of("llm", BulkheadConfig.custom()
                .maxConcurrentCalls(Math.max(1, properties.maxConcurrentCalls()))
                .maxWaitDuration(properties.timeout())
                .build());
        Gauge.builder(CIRCUIT_OPEN, circuitBreaker, breaker -> switch (breaker.getState()) {
                    case OPEN, FORCED_OPEN -> 1.0;
                    default -> 0.0;
                }).strongReference(true)
                .description("1 while the LLM circuit breaker is open (calls are refused without trying)")
                .register(this.meters);
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public boolean vision() {
        return properties.vision();
    }

    public CircuitBreaker circuitBreaker() {
        return circuitBreaker;
    }

    @Override
    public ChatResult chat(ChatRequest request) {
        return guarded(request, () -> send(request, null, new AtomicBoolean()));
    }

    @Override
    public ChatResult stream(ChatRequest request, Consumer<String> onDelta) {
        AtomicBoolean started = new AtomicBoolean();
        return guarded(request, () -> {
            if (started.get()) {
                // never replay a half-streamed answer: the client already has part of it
                throw new LlmException("the LLM stream broke off", 0, false, null);
            }
            return send(request, onDelta, started);
        });
    }

    private ChatResult guarded(ChatRequest request, Supplier<ChatResult> call) {
        Supplier<ChatResult> decorated = Bulkhead.decorateSupplier(bulkhead,
                CircuitBreaker.decorateSupplier(circuitBreaker, Retry.decorateSupplier(retry, call)));
        long started = System.nanoTime();
        try {
            ChatResult result = decorated.get();
            record(request, result, "ok", started);
            return result;
        } catch (CallNotPermittedException e) {
            record(request, null, "circuit_open", started);
            throw new LlmUnavailableException("the LLM circuit breaker is open after repeated failures", e);
        } catch (BulkheadFullException e) {
            record(request, null, "rejected", started);
            throw new LlmUnavailableException("too many LLM calls in flight", e);
        } catch (LlmException e) {
            record(request, null, "error", started);
            throw e;
        }
    }

    private void record(ChatRequest request, ChatResult result, String outcome, long startedNanos) {
        String purpose = request.purpose() == null ? "other" : request.purpose();
        // retries and waits for the bulkhead included: the latency the caller saw
        Timer.builder(CALL_DURATION).tag("purpose", purpose).tag("outcome", outcome)
                .description("LLM chat-completion latency as the caller sees it, retries included")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(50))
                .maximumExpectedValue(Duration.ofMinutes(5)).register(meters)
                .record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
        meters.counter("vectorless.llm.calls", "purpose", purpose, "outcome", outcome).increment();
        if (result != null) {
            meters.counter("vectorless.llm.tokens", "purpose", purpose, "type", "prompt").increment(result.promptTokens());
            meters.counter("vectorless.llm.tokens", "purpose", purpose, "type", "completion")
                    .increment(result.completionTokens());
        }
    }

    private ChatResult send(ChatRequest request, Consumer<String> onDelta, AtomicBoolean started) {
        String model = request.model() == null ? properties.model() : request.model();
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint)
                .timeout(properties.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(request, model, onDelta != null)));
        if (properties.apiKey() != null && !properties.apiKey().isBlank()) {
            builder.header("Authorization", "Bearer " + properties.apiKey());
        }
        try {
            HttpResponse<java.io.InputStream> response = http.send(builder.build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            int status = response.statusCode();
            if (status / 100 != 2) {
                String detail;
                try (var in = response.body()) {
                    detail = new String(in.readNBytes(2000), StandardCharsets.UTF_8);
                }
                boolean retryable = status == 429 || status == 408 || status >= 500;
                throw new LlmException("LLM server answered " + status + ": " + detail, status, retryable, null);
            }
            return onDelta == null ? readWhole(response, model) : readStream(response, model, onDelta, started);
        } catch (HttpTimeoutException e) {
            throw new LlmException("LLM call timed out after " + properties.timeout().toSeconds() + " s", 0, true, e);
        } catch (IOException e) {
            throw new LlmException("LLM server unreachable: " + e.getMessage(), 0, true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmException("interrupted while calling the LLM", 0, false, e);
        }
    }

    private String body(ChatRequest request, String model, boolean stream) {
        ObjectNode root = json.createObjectNode();
        root.put("model", model);
        ArrayNode messages = root.putArray("messages");
        for (ChatMessage message : request.messages()) {
            ObjectNode node = messages.addObject();
            node.put("role", message.role());
            if (message.images().isEmpty()) {
                node.put("content", message.content());
            } else {
                ArrayNode parts = node.putArray("content");
                parts.addObject().put("type", "text").put("text", message.content());
                for (String image : message.images()) {
                    parts.addObject().put("type", "image_url").putObject("image_url").put("url", image);
                }
            }
        }
        root.put("temperature", request.temperature() == null ? properties.temperature() : request.temperature());
        if (request.maxTokens() != null) {
            root.put("max_tokens", request.maxTokens());
        }
        if (request.jsonOutput()) {
            root.putObject("response_format").put("type", "json_object");
        }
        if (stream) {
            root.put("stream", true);
            root.putObject("stream_options").put("include_usage", true);
        }
        return root.toString();
    }

    private ChatResult readWhole(HttpResponse<java.io.InputStream> response, String model) throws IOException {
        JsonNode root;
        try (var in = response.body()) {
            root = json.readTree(in);
        } catch (IOException e) {
            throw new LlmException("LLM server sent a body that is not JSON: " + e.getMessage(), 502, true, e);
        }
        JsonNode content = root.path("choices").path(0).path("message").path("content");
        if (content.isMissingNode()) {
            throw new LlmException("LLM server sent no choices[0].message.content", 502, true, null);
        }
        JsonNode usage = root.path("usage");
        return new ChatResult(content.asText(""), root.path("model").asText(model),
                usage.path("prompt_tokens").asInt(0), usage.path("completion_tokens").asInt(0));
    }

    private ChatResult readStream(HttpResponse<java.io.InputStream> response, String model, Consumer<String> onDelta,
                                  AtomicBoolean started) throws IOException {
        StringBuilder all = new StringBuilder();
        int prompt = 0;
        int completion = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.startsWith("data:")) {
                    continue;
                }
                String data = line.substring(5).trim();
                if (data.equals("[DONE]")) {
                    break;
                }
                JsonNode chunk = json.readTree(data);
                JsonNode usage = chunk.path("usage");
                if (usage.isObject()) {
                    prompt = usage.path("prompt_tokens").asInt(prompt);
                    completion = usage.path("completion_tokens").asInt(completion);
                }
                String delta = chunk.path("choices").path(0).path("delta").path("content").asText("");
                if (!delta.isEmpty()) {
                    started.set(true);
                    all.append(delta);
                    onDelta.accept(delta);
                }
            }
        }
        return new ChatResult(all.toString(), model, prompt, completion);
    }
}
