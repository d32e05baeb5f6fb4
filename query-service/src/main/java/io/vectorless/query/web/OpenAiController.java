package io.vectorless.query.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vectorless.query.answer.QueryAnswer;
import io.vectorless.query.answer.QueryEngine;
import io.vectorless.query.answer.QueryRequest;
import io.vectorless.query.store.MongoQuerySource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAI-compatible surface: each workspace is a model "pageindex-ws-{id}". Extra parameters chat UIs send
 * (top_p, user, n, stop, max_tokens, tools, seed, ...) are accepted and ignored.
 */
@RestController
class OpenAiController {
    private static final Logger log = LoggerFactory.getLogger(OpenAiController.class);
    static final String MODEL_PREFIX = "pageindex-ws-";
    private static final Pattern MODEL = Pattern.compile(Pattern.quote(MODEL_PREFIX) + "(\\d{1,18})");
    private static final Pattern PIECE = Pattern.compile("\\S+\\s*|\\s+");

    private final QueryEngine engine;
    private final MongoQuerySource store;
    private final ObjectMapper json;
    private final AnswerMetrics metrics;

    OpenAiController(QueryEngine engine, MongoQuerySource store, ObjectMapper json, AnswerMetrics metrics) {
        this.engine = engine;
        this.store = store;
        this.json = json;
        this.metrics = metrics;
    }

    @GetMapping("/v1/models")
    Map<String, Object> models() {
        List<Map<String, Object>> data = new ArrayList<>();
        for (MongoQuerySource.Workspace ws : store.workspaces()) {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("id", MODEL_PREFIX + ws.id());
            model.put("object", "model");
            model.put("created", ws.createdEpochSeconds());
            model.put("owned_by", "pageindex");
            model.put("name", ws.name());
            data.add(model);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("object", "list");
        body.put("data", data);
        return body;
    }

    @PostMapping("/v1/chat/completions")
    /** One return type for both forms: MVC only streams a body the method declares as streaming. */
    ResponseEntity<StreamingResponseBody> completions(@RequestBody JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("The request body must be a JSON object");
        }
        String model = body.path("model").asText("");
        if (model.isBlank()) {
            throw ApiException.badRequest("'model' is required, e.g. " + MODEL_PREFIX + "1 (see GET /v1/models)");
        }
        long workspaceId = workspaceOf(model);
        OpenAiMessages messages = OpenAiMessages.from(body.get("messages"));
        QueryRequest request = new QueryRequest(workspaceId, messages.question(), messages.history(),
                temperature(body.get("temperature")));
        String id = "chatcmpl-" + UUID.randomUUID().toString().replace("-", "");
        long created = Instant.now().getEpochSecond();
        if (body.path("stream").asBoolean(false)) {
            boolean usage = body.path("stream_options").path("include_usage").asBoolean(false);
            StreamingResponseBody stream = out -> stream(new SseWriter(out, json), request, id, created, model, usage);
            return ResponseEntity.ok()
                    .contentType(MediaType.TEXT_EVENT_STREAM)
                    .header("Cache-Control", "no-cache")
                    .header("X-Accel-Buffering", "no")
                    .body(stream);
        }
        QueryAnswer answer = engine.answer(request, null);
        metrics.record("chat_completions", workspaceId, answer);
        Map<String, Object> response = envelope(id, "chat.completion", created, model);
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("message", Map.of("role", "assistant", "content", answer.answer()));
        choice.put("finish_reason", "stop");
        response.put("choices", List.of(choice));
        response.put("usage", usage(answer));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(out -> json.writeValue(out, response));
    }

    private void stream(SseWriter sse, QueryRequest request, String id, long created, String model, boolean usage) {
        sse.data(chunk(id, created, model, Map.of("role", "assistant", "content", ""), null));
        QueryAnswer answer = null;
        try {
            answer = engine.answer(request, delta -> {
                Matcher pieces = PIECE.matcher(delta);
                while (pieces.find()) {
                    sse.data(chunk(id, created, model, Map.of("content", pieces.group()), null));
                }
            });
            metrics.record("chat_completions_stream", request.workspaceId(), answer);
        } catch (RuntimeException e) {
            log.error("streamed answer for workspace {} failed", request.workspaceId(), e);
            sse.data(chunk(id, created, model, Map.of("content", "(The answer failed: internal error.)"), null));
        }
        sse.data(chunk(id, created, model, Map.of(), "stop"));
        if (usage) {
            Map<String, Object> last = envelope(id, "chat.completion.chunk", created, model);
            last.put("choices", List.of());
            last.put("usage", answer == null ? usage(0, 0) : usage(answer));
            sse.data(last);
        }
        sse.done();
    }

    private static Double temperature(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber() || value.asDouble() < 0 || value.asDouble() > 2) {
            throw ApiException.badRequest("'temperature' must be a number between 0 and 2");
        }
        return value.asDouble();
    }

    private long workspaceOf(String model) {
        Matcher m = MODEL.matcher(model);
        if (m.matches() && store.workspace(Long.parseLong(m.group(1))).isPresent()) {
            return Long.parseLong(m.group(1));
        }
        throw new ApiException(HttpStatus.NOT_FOUND, "The model '" + model + "' does not exist; models are "
                + MODEL_PREFIX + "{workspace id}, see GET /v1/models", "model_not_found");
    }

    private static Map<String, Object> chunk(String id, long created, String model, Map<String, Object> delta,
                                             String finishReason) {
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("delta", delta);
        choice.put("finish_reason", finishReason);
        Map<String, Object> chunk = envelope(id, "chat.completion.chunk", created, model);
        chunk.put("choices", List.of(choice));
        return chunk;
    }

    private static Map<String, Object> envelope(String id, String object, long created, String model) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("object", object);
        out.put("created", created);
        out.put("model", model);
        return out;
    }

    private static Map<String, Object> usage(QueryAnswer answer) {
        return usage(answer.promptTokens(), answer.completionTokens());
    }

    private static Map<String, Object> usage(int prompt, int completion) {
        Map<String, Object> usage = new LinkedHashMap<>();
        usage.put("prompt_tokens", prompt);
        usage.put("completion_tokens", completion);
        usage.put("total_tokens", prompt + completion);
        return usage;
    }
}
