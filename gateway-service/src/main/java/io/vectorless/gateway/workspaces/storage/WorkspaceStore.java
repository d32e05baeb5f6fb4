package io.vectorless.gateway.workspaces.storage;

import io.vectorless.gateway.domain.WorkspaceRecord;
import io.vectorless.schema.store.StoreFields.Workspace;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code workspaces} collection, mapped by Spring Data ({@link StoredWorkspace}). */
@Repository
public class WorkspaceStore {
    static final String UPDATED_AT = "updatedAt";
    private final MongoTemplate mongo;

    public WorkspaceStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void insert(WorkspaceRecord workspace) {
        mongo.insert(StoredWorkspace.of(workspace));
    }

    /**
     * Sets the given fields ({@code null}: unchanged) in one atomic update, so two renames at once cannot undo
     * each other's other field.
     *
     * @return the workspace as stored afterwards; empty when it does not exist
     */
    public Optional<WorkspaceRecord> update(long id, String name, String description, Instant now) {
        Update update = new Update().set(UPDATED_AT, now);
        if (name != null) {
            update.set(Workspace.NAME, name);
        }
        if (description != null) {
            update.set(Workspace.DESCRIPTION, description);
        }
        return Optional.ofNullable(mongo.findAndModify(Query.query(Criteria.where(Workspace.ID).is(id)), update,
                FindAndModifyOptions.options().returnNew(true), StoredWorkspace.class)).map(StoredWorkspace::toRecord);
    }

    public Optional<WorkspaceRecord> find(long id) {
        return Optional.ofNullable(mongo.findById(id, StoredWorkspace.class)).map(StoredWorkspace::toRecord);
    }

    public boolean exists(long id) {
        return mongo.exists(Query.query(Criteria.where(Workspace.ID).is(id)), StoredWorkspace.class);
    }

    public List<WorkspaceRecord> list(String ownerUsername) {
        Query query = ownerUsername == null ? new Query()
                : Query.query(Criteria.where(Workspace.OWNER_USERNAME).is(ownerUsername));
        query.with(Sort.by(Workspace.ID));
        return mongo.find(query, StoredWorkspace.class).stream().map(StoredWorkspace::toRecord).toList();
    }

    public void delete(long id) {
        mongo.remove(Query.query(Criteria.where(Workspace.ID).is(id)), StoredWorkspace.class);
    }
}
