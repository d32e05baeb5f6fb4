package io.vectorless.query.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.vectorless.query.answer.QueryAnswer;
import io.vectorless.query.answer.QueryEngine;
import io.vectorless.query.answer.QueryRequest;
import io.vectorless.query.store.MongoQuerySource;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The rich chat endpoint: the answer with the sections, context, images and routing behind it. */
@RestController
class ChatQueryController {
    private final QueryEngine engine;
    private final MongoQuerySource store;
    private final AnswerMetrics metrics;

    ChatQueryController(QueryEngine engine, MongoQuerySource store, AnswerMetrics metrics) {
        this.engine = engine;
        this.store = store;
        this.metrics = metrics;
    }

    record ChatQuery(@JsonProperty("workspace_id") Long workspaceId, String query, String username) {
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
    ChatQueryResponse query(@RequestBody ChatQuery request) {
        if (request.workspaceId() == null) {
            throw ApiException.badRequest("workspace_id is required");
        }
        if (request.query() == null || request.query().isBlank()) {
            throw ApiException.badRequest("query is required and must not be blank");
        }
        if (store.workspace(request.workspaceId()).isEmpty()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "Workspace " + request.workspaceId() + " not found", null);
        }
        QueryAnswer answer = engine.answer(new QueryRequest(request.workspaceId(), request.query().strip(), List.of()),
                null);
        metrics.record("chat_query", request.workspaceId(), answer);
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
