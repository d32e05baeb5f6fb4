package io.vectorless.gateway.workspaces.storage;

import io.vectorless.gateway.domain.WorkspaceRecord;
import io.vectorless.schema.store.StoreNames;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** A row of {@code workspaces} as Spring Data maps it; names as in {@code StoreFields.Workspace}. */
@Document(StoreNames.WORKSPACES)
record StoredWorkspace(@Id long id, String name, String description, String ownerUsername, Instant createdAt,
                       Instant updatedAt) {

    static StoredWorkspace of(WorkspaceRecord w) {
        return new StoredWorkspace(w.id(), w.name(), w.description(), w.ownerUsername(), w.createdAt(),
                w.updatedAt());
    }

    WorkspaceRecord toRecord() {
        return new WorkspaceRecord(id, name, description, ownerUsername, createdAt, updatedAt);
    }
}
