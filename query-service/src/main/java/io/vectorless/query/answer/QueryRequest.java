package io.vectorless.query.answer;

import io.vectorless.query.navigate.Turn;

import java.util.List;

/**
 * A question about one workspace, with the conversation before it (oldest first).
 *
 * @param temperature the answer call's temperature, null for the configured default
 */
public record QueryRequest(long workspaceId, String question, List<Turn> history, Double temperature) {
    public QueryRequest {
        history = history == null ? List.of() : List.copyOf(history);
    }

    public QueryRequest(long workspaceId, String question, List<Turn> history) {
        this(workspaceId, question, history, null);
    }
}
