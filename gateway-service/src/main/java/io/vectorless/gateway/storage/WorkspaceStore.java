package io.vectorless.gateway.storage;

import io.vectorless.gateway.domain.WorkspaceRecord;
import io.vectorless.schema.store.StoreFields.Workspace;
import io.vectorless.schema.store.StoreNames;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

@Repository
public class WorkspaceStore {
    static final String UPDATED_AT = "updatedAt";
    private final MongoTemplate mongo;

    public WorkspaceStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void insert(WorkspaceRecord workspace) {
        mongo.insert(toBson(workspace), StoreNames.WORKSPACES);
    }

    public void save(WorkspaceRecord workspace) {
        mongo.save(toBson(workspace), StoreNames.WORKSPACES);
    }

    public Optional<WorkspaceRecord> find(long id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, StoreNames.WORKSPACES)).map(WorkspaceStore::fromBson);
    }

    public boolean exists(long id) {
        return mongo.exists(Query.query(Criteria.where(Workspace.ID).is(id)), StoreNames.WORKSPACES);
    }

    public List<WorkspaceRecord> list(String ownerUsername) {
        Query query = ownerUsername == null ? new Query()
                : Query.query(Criteria.where(Workspace.OWNER_USERNAME).is(ownerUsername));
        query.with(Sort.by(Workspace.ID));
        return mongo.find(query, Document.class, StoreNames.WORKSPACES).stream().map(WorkspaceStore::fromBson).toList();
    }

    public void delete(long id) {
        mongo.remove(Query.query(Criteria.where(Workspace.ID).is(id)), StoreNames.WORKSPACES);
    }

    private static Document toBson(WorkspaceRecord w) {
        return new Document(Workspace.ID, w.id())
                .append(Workspace.NAME, w.name())
                .append(Workspace.DESCRIPTION, w.description())
                .append(Workspace.OWNER_USERNAME, w.ownerUsername())
                .append(Workspace.CREATED_AT, Bson.date(w.createdAt()))
                .append(UPDATED_AT, Bson.date(w.updatedAt()));
    }

    private static WorkspaceRecord fromBson(Document d) {
        return new WorkspaceRecord(Bson.longOf(d, Workspace.ID), d.getString(Workspace.NAME),
                d.getString(Workspace.DESCRIPTION), d.getString(Workspace.OWNER_USERNAME),
                Bson.instant(d, Workspace.CREATED_AT), Bson.instant(d, UPDATED_AT));
    }
}
