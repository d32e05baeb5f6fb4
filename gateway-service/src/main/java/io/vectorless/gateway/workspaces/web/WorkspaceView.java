package io.vectorless.gateway.workspaces.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.swagger.v3.oas.annotations.media.Schema;
import io.vectorless.gateway.domain.WorkspaceRecord;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

@Schema(name = "Workspace")
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WorkspaceView(long id, String name, String description, String ownerUsername, Instant createdAt,
                     Instant updatedAt) {

    public WorkspaceView {
        createdAt = seconds(createdAt);
        updatedAt = seconds(updatedAt);
    }

    /** Times are shown to the second, as in the API documents, so a record reads the same before and after storage. */
    public static Instant seconds(Instant time) {
        return time == null ? null : time.truncatedTo(ChronoUnit.SECONDS);
    }

    static WorkspaceView of(WorkspaceRecord w) {
        return new WorkspaceView(w.id(), w.name(), w.description(), w.ownerUsername(), w.createdAt(), w.updatedAt());
    }
}
