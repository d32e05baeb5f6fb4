package io.vectorless.gateway.domain;

import java.time.Instant;

/** One row of {@code workspaces}. */
public record WorkspaceRecord(long id, String name, String description, String ownerUsername, Instant createdAt,
                              Instant updatedAt) {
}
