package io.vectorless.gateway.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.vectorless.gateway.domain.WorkspaceRecord;

import java.time.Instant;

@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record WorkspaceView(long id, String name, String description, String ownerUsername, Instant createdAt,
                     Instant updatedAt) {

    static WorkspaceView of(WorkspaceRecord w) {
        return new WorkspaceView(w.id(), w.name(), w.description(), w.ownerUsername(), w.createdAt(), w.updatedAt());
    }
}
