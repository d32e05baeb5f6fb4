package io.vectorless.query.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vectorless.query.answer.QueryAnswer;
import io.vectorless.query.answer.QueryEngine;
import io.vectorless.query.answer.QueryRequest;
import io.vectorless.query.navigate.Turn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.util.List;
import java.util.Map;

/**
 * The rich chat endpoint: the answer with the sections, context, images and routing behind it. Two additions to the
 * specified request, both optional: {@code history} (the conversation so far, oldest first) and {@code stream}, which
 * answers with server-sent events instead: {@code {"delta": "..."}} as the answer is written, then the complete
 * response object, then {@code [DONE]} — the one shape a browser needs to show both the text as it comes and the
 * sections behind it.
 */
@RestController
class ChatQueryController {
    private static final Logger log = LoggerFactory.getLogger(ChatQueryController.class);

    private final QueryEngine engine;
    private final AnswerMetrics metrics;
    private final ObjectMapper json;

    ChatQueryController(QueryEngine engine, AnswerMetrics metrics, ObjectMapper json) {
        this.engine = engine;
        this.metrics = metrics;
        this.json = json;
    }

    record ChatQuery(@JsonProperty("workspace_id") Long workspaceId, String query, String username,
                     List<HistoryTurn> history, Boolean stream) {
    }

    record HistoryTurn(String role, String content) {
    }

    record ImageView(String data, @JsonProperty("media_type") String mediaType, String caption,
                     @JsonProperty("doc_id") long docId, @JsonProperty("node_id") String nodeId) {
    }

    record RoutedDocView(@JsonProperty("doc_id") long docId, @JsonProperty("doc_title") String docTitle) {
    }

    record ChatQueryResponse(String answer, @JsonProperty("node_ids") List<String> nodeIds, String reasoning,
                             String context, @JsonProperty("image_count") int imageCount, List<ImageView> images,
                             @JsonProperty("routed_docs") List<RoutedDocView> routedDocs,
                             @JsonProperty("routing_reasoning") String routingReasoning,
                             List<SourceView> sources) {
    }

    /** A section or page behind the answer; node ids repeat across documents, so each names its document. */
    record SourceView(@JsonProperty("doc_id") long docId, @JsonProperty("doc_title") String docTitle,
                      @JsonProperty("node_id") String nodeId, String title, String pages) {
    }

    @PostMapping("/api/chat/query")
    /** One return type for both forms: MVC only streams a body the method declares as streaming. */
    ResponseEntity<StreamingResponseBody> query(@RequestBody ChatQuery request) {
        if (request.workspaceId() == null) {
            throw ApiException.badRequest("workspace_id is required");
        }
        if (request.query() == null || request.query().isBlank()) {
            throw ApiException.badRequest("query is required and must not be blank");
        }
        QueryRequest question = new QueryRequest(request.workspaceId(), request.query().strip(),
                history(request.history()));
        if (Boolean.TRUE.equals(request.stream())) {
            StreamingResponseBody stream = out -> stream(new SseWriter(out, json), question);
            return ResponseEntity.ok().contentType(MediaType.TEXT_EVENT_STREAM).header("Cache-Control", "no-cache")
                    .header("X-Accel-Buffering", "no").body(stream);
        }
        QueryAnswer answer = engine.answer(question, null);
        metrics.record("chat_query", request.workspaceId(), answer);
        ChatQueryResponse response = response(answer);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(out -> json.writeValue(out, response));
    }

    private void stream(SseWriter sse, QueryRequest question) {
        try {
            QueryAnswer answer = engine.answer(question, delta -> sse.data(Map.of("delta", delta)));
            metrics.record("chat_query_stream", question.workspaceId(), answer);
            sse.data(response(answer));
        } catch (RuntimeException e) {
            log.error("streamed answer for workspace {} failed", question.workspaceId(), e);
            sse.data(Map.of("detail", "The answer failed: internal error"));
        }
        sse.done();
    }

    private static List<Turn> history(List<HistoryTurn> turns) {
        if (turns == null) {
            return List.of();
        }
        return turns.stream().filter(t -> t != null && t.content() != null && !t.content().isBlank()
                        && ("user".equals(t.role()) || "assistant".equals(t.role())))
                .map(t -> new Turn(t.role(), t.content().strip())).toList();
    }

    private static ChatQueryResponse response(QueryAnswer answer) {
        return new ChatQueryResponse(answer.answer(), answer.nodeIds(), answer.reasoning(), answer.context(),
                answer.images().size(),
                answer.images().stream().map(i -> new ImageView(i.data(), i.mediaType(), i.caption(), i.docId(),
                        i.nodeId())).toList(),
                answer.routedDocs().stream().map(d -> new RoutedDocView(d.docId(), d.docTitle())).toList(),
                answer.routingReasoning(),
                answer.sources().stream().map(s -> new SourceView(s.docId(), s.docTitle(), s.nodeId(), s.title(),
                        s.pages())).toList());
    }
}
