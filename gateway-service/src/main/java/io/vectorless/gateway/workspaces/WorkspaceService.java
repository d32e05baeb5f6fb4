package io.vectorless.gateway.workspaces;

import io.vectorless.gateway.documents.DocumentService;

import io.vectorless.gateway.domain.ApiException;
import io.vectorless.gateway.domain.DocumentRecord;
import io.vectorless.gateway.domain.WorkspaceRecord;
import io.vectorless.gateway.documents.storage.DocumentStore;
import io.vectorless.gateway.storage.IdSequence;
import io.vectorless.gateway.workspaces.storage.WorkspaceStore;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.List;

@Service
public class WorkspaceService {
    private final WorkspaceStore workspaces;
    private final DocumentStore docs;
    private final DocumentService documents;
    private final IdSequence ids;

    public WorkspaceService(WorkspaceStore workspaces, DocumentStore docs, DocumentService documents, IdSequence ids) {
        this.workspaces = workspaces;
        this.docs = docs;
        this.documents = documents;
        this.ids = ids;
    }

    public WorkspaceRecord create(String name, String description, String ownerUsername) {
        if (name == null || name.isBlank()) {
            throw ApiException.badRequest("name is required");
        }
        Instant now = Instant.now();
        WorkspaceRecord workspace = new WorkspaceRecord(ids.next("workspaces"), name.strip(),
                description == null ? "" : description,
                ownerUsername == null || ownerUsername.isBlank() ? "default" : ownerUsername.strip(), now, now);
        workspaces.insert(workspace);
        return workspace;
    }

    public List<WorkspaceRecord> list(String ownerUsername) {
        return workspaces.list(ownerUsername);
    }

    public WorkspaceRecord get(long id) {
        return workspaces.find(id).orElseThrow(() -> ApiException.notFound("Workspace " + id + " not found"));
    }

    public WorkspaceRecord update(long id, String name, String description) {
        if (name != null && name.isBlank()) {
            throw ApiException.badRequest("name must not be empty");
        }
        return workspaces.update(id, name == null ? null : name.strip(), description, Instant.now())
                .orElseThrow(() -> ApiException.notFound("Workspace " + id + " not found"));
    }

    /** Deletes every document (each announced to the pipeline, which removes its trees and files), then the workspace. */
    public void delete(long id) {
        get(id);
        for (DocumentRecord doc : docs.listByWorkspace(id)) {
            documents.delete(doc.id(), "workspace " + id + " deleted");
        }
        workspaces.delete(id);
    }
}
