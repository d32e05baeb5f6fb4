package io.vectorless.gateway.access;

import io.vectorless.gateway.domain.ApiException;
import io.vectorless.gateway.domain.DocumentRecord;
import io.vectorless.gateway.domain.FieldLimits;
import io.vectorless.gateway.domain.WorkspaceRecord;
import io.vectorless.gateway.documents.storage.DocumentStore;
import io.vectorless.gateway.workspaces.storage.WorkspaceStore;
import io.vectorless.support.web.Caller;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a caller may see. The admin sees everything; a user sees the workspaces whose owner is that user, and the
 * documents in them. Anything else answers 404 exactly as if it did not exist, so a user cannot learn which ids
 * other users hold.
 */
@Component
public class WorkspaceAccess {
    private final WorkspaceStore workspaces;
    private final DocumentStore docs;

    public WorkspaceAccess(WorkspaceStore workspaces, DocumentStore docs) {
        this.workspaces = workspaces;
        this.docs = docs;
    }

    /** The workspace, when it exists and the caller may see it; 404 otherwise. */
    public WorkspaceRecord workspace(Caller caller, long id) {
        return workspaces.find(id).filter(ws -> caller.mayAccess(ws.ownerUsername()))
                .orElseThrow(() -> ApiException.notFound("Workspace " + id + " not found"));
    }

    public boolean canSeeWorkspace(Caller caller, long id) {
        return caller.admin() ? workspaces.exists(id)
                : workspaces.find(id).filter(ws -> caller.mayAccess(ws.ownerUsername())).isPresent();
    }

    /** The document, when it exists and lies in a workspace the caller may see; 404 otherwise. */
    public DocumentRecord document(Caller caller, long id) {
        DocumentRecord doc = docs.find(id).orElseThrow(() -> ApiException.notFound("Document " + id + " not found"));
        if (!caller.admin() && !canSeeWorkspace(caller, doc.workspaceId())) {
            throw ApiException.notFound("Document " + id + " not found");
        }
        return doc;
    }

    /** The ids of the workspaces a user owns; {@code null} for the admin (every workspace). */
    public Set<Long> visibleWorkspaces(Caller caller) {
        if (caller.admin()) {
            return null;
        }
        return workspaces.list(caller.username()).stream().map(WorkspaceRecord::id).collect(Collectors.toSet());
    }

    /**
     * The username a request acts for. The admin names anyone (or no one: then {@code fallback}); a user key acts
     * for its own user only, so a field naming another user is refused rather than silently replaced.
     */
    public static String actingUser(Caller caller, String field, String given, String fallback) {
        FieldLimits.username(field, given);
        String named = given == null || given.isBlank() ? null : given.strip();
        if (caller.admin()) {
            return named == null ? fallback : named;
        }
        if (named != null && !named.equals(caller.username())) {
            throw new ApiException(403, "This API key belongs to user '" + caller.username()
                    + "' and cannot act for '" + named + "'");
        }
        return caller.username();
    }
}
