package io.vectorless.query.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vectorless.query.answer.ChatTasks;
import io.vectorless.query.answer.QueryAnswer;
import io.vectorless.query.answer.QueryEngine;
import io.vectorless.query.answer.QueryRequest;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAI-compatible surface: each workspace is a model "pageindex-ws-{id}" (the gateway, which owns the
 * workspaces, lists the models and checks that a model's workspace exists before it forwards a chat). Chat UIs' housekeeping requests
 * (titles, tags, follow-ups) are answered at once without retrieval; {@code max_tokens} cuts the answer with
 * {@code finish_reason: "length"}; {@code n} other than 1 is refused; answers carry their {@code sources} (an
 * extension field on the completion and on the last stream chunk) and cite them in the text. Other parameters
 * chat UIs send (top_p, user, stop, tools, seed, ...) are accepted and ignored.
 */
@RestController
class OpenAiController {
    private static final Logger log = LoggerFactory.getLogger(OpenAiController.class);
    static final String MODEL_PREFIX = "pageindex-ws-";
    private static final Pattern MODEL = Pattern.compile(Pattern.quote(MODEL_PREFIX) + "(\\d{1,18})");
    private static final Pattern PIECE = Pattern.compile("\\S+\\s*|\\s+");

    private final QueryEngine engine;
    private final ObjectMapper json;
    private final AnswerMetrics metrics;

    OpenAiController(QueryEngine engine, ObjectMapper json, AnswerMetrics metrics) {
        this.engine = engine;
        this.json = json;
        this.metrics = metrics;
    }

    /** Anything else under /v1 (embeddings, completions, files, ...) is not offered: OpenAI's 404, which SDKs read. */
    @RequestMapping("/v1/**")
    void unknown(HttpServletRequest request) {
        throw new ApiException(HttpStatus.NOT_FOUND, "Invalid URL (" + request.getMethod() + " "
                + request.getRequestURI() + "): this server offers GET /v1/models, GET /v1/models/{model} and "
                + "POST /v1/chat/completions", "unknown_url");
    }

    @PostMapping("/v1/chat/completions")
    /** One return type for both forms: MVC only streams a body the method declares as streaming. */
    ResponseEntity<StreamingResponseBody> completions(@RequestBody JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("The request body must be a JSON object");
        }
        String model = body.path("model").asText("");
        if (model.isBlank()) {
            throw ApiException.badParameter("model", "'model' is required, e.g. " + MODEL_PREFIX
                    + "1 (see GET /v1/models)", null);
        }
        long workspaceId = workspaceOf(model);
        ChoiceCount.check(body.get("n"));
        Integer maxTokens = maxTokens(body);
        OpenAiMessages messages = OpenAiMessages.from(body.get("messages"));
        QueryRequest request = new QueryRequest(workspaceId, messages.question(), messages.history(),
                temperature(body.get("temperature")));
        Optional<ChatTasks.Reply> task = ChatTasks.recognise(messages.question(), messages.firstQuestion());
        String id = "chatcmpl-" + UUID.randomUUID().toString().replace("-", "");
        long created = Instant.now().getEpochSecond();
        if (body.path("stream").asBoolean(false)) {
            boolean usage = body.path("stream_options").path("include_usage").asBoolean(false);
            Chunks chunks = new Chunks(id, created, model);
            StreamingResponseBody stream = out -> stream(new SseWriter(out, json), chunks, request, task, maxTokens,
                    usage);
            return ResponseEntity.ok()
                    .contentType(MediaType.TEXT_EVENT_STREAM)
                    .header("Cache-Control", "no-cache")
                    .header("X-Accel-Buffering", "no")
                    .body(stream);
        }
        String content;
        List<QueryAnswer.Source> sources = List.of();
        int promptTokens;
        if (task.isPresent()) {
            content = task.get().content();
            promptTokens = estimate(messages.question());
        } else {
            QueryAnswer answer = engine.answer(request, null);
            metrics.record("chat_completions", workspaceId, answer);
            content = answer.answer() + Citations.footer(answer.sources());
            sources = answer.sources();
            promptTokens = answer.promptTokens();
        }
        TokenLimit limit = new TokenLimit(maxTokens);
        String shown = limit.take(content);
        Map<String, Object> response = Chunks.envelope(id, "chat.completion", created, model);
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("message", Map.of("role", "assistant", "content", shown));
        choice.put("finish_reason", limit.finishReason());
        response.put("choices", List.of(choice));
        response.put("usage", usage(promptTokens, estimate(shown)));
        response.put("sources", Citations.view(sources));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(out -> json.writeValue(out, response));
    }

    private void stream(SseWriter sse, Chunks chunks, QueryRequest request, Optional<ChatTasks.Reply> task,
                        Integer maxTokens, boolean usage) {
        sse.data(chunks.delta(Map.of("role", "assistant", "content", ""), null));
        TokenLimit limit = new TokenLimit(maxTokens);
        StringBuilder shown = new StringBuilder();
        java.util.function.Consumer<String> emit = delta -> {
            String allowed = limit.take(delta);
            shown.append(allowed);
            Matcher pieces = PIECE.matcher(allowed);
            while (pieces.find()) {
                sse.data(chunks.delta(Map.of("content", pieces.group()), null));
            }
        };
        QueryAnswer answer = null;
        try {
            if (task.isPresent()) {
                emit.accept(task.get().content());
            } else {
                answer = engine.answer(request, emit);
                metrics.record("chat_completions_stream", request.workspaceId(), answer);
                emit.accept(Citations.footer(answer.sources()));
            }
        } catch (RuntimeException e) {
            log.error("streamed answer for workspace {} failed", request.workspaceId(), e);
            // an error event, as OpenAI sends one: the SDKs raise it instead of showing a truncated answer
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("message", "The answer failed after it had started: " + reason(e));
            error.put("type", "server_error");
            error.put("param", null);
            error.put("code", "answer_interrupted");
            sse.data(Map.of("error", error));
            return;
        }
        Map<String, Object> last = chunks.delta(Map.of(), limit.finishReason());
        last.put("sources", Citations.view(answer == null ? List.of() : answer.sources()));
        sse.data(last);
        if (usage) {
            Map<String, Object> tail = Chunks.envelope(chunks.id(), "chat.completion.chunk", chunks.created(),
                    chunks.model());
            tail.put("choices", List.of());
            tail.put("usage", usage(answer == null ? estimate(request.question()) : answer.promptTokens(),
                    estimate(shown.toString())));
            sse.data(tail);
        }
        sse.done();
    }

    private static String reason(RuntimeException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? "internal error" : message;
    }

    private static Integer maxTokens(JsonNode body) {
        for (String name : new String[]{"max_completion_tokens", "max_tokens"}) {
            JsonNode value = body.get(name);
            if (value == null || value.isNull()) {
                continue;
            }
            if (!value.isIntegralNumber() || value.asLong() < 1 || value.asLong() > Integer.MAX_VALUE) {
                throw ApiException.badParameter(name, "'" + name + "' must be a positive integer", "invalid_value");
            }
            return value.asInt();
        }
        return null;
    }

    private static Double temperature(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber() || value.asDouble() < 0 || value.asDouble() > 2) {
            throw ApiException.badParameter("temperature", "'temperature' must be a number between 0 and 2",
                    "invalid_value");
        }
        return value.asDouble();
    }

    private long workspaceOf(String model) {
        Matcher m = MODEL.matcher(model);
        if (m.matches()) {
            // the gateway has checked that the workspace exists and the caller may ask in it
            return Long.parseLong(m.group(1));
        }
        throw unknownModel(model);
    }

    private static ApiException unknownModel(String model) {
        return new ApiException(HttpStatus.NOT_FOUND, "The model '" + model + "' does not exist; models are "
                + MODEL_PREFIX + "{workspace id}, see GET /v1/models", "model_not_found", "model");
    }

    static int estimate(String text) {
        return TokenLimit.tokens(text);
    }

    private static Map<String, Object> usage(int prompt, int completion) {
        Map<String, Object> usage = new LinkedHashMap<>();
        usage.put("prompt_tokens", prompt);
        usage.put("completion_tokens", completion);
        usage.put("total_tokens", prompt + completion);
        return usage;
    }
}
