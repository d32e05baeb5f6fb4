package io.vectorless.gateway.storage;

import io.vectorless.gateway.domain.ApiKeyRecord;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

/** The {@code api_keys} collection: per-user keys, stored as their SHA-256 only. */
@Repository
public class ApiKeyStore {
    static final String COLLECTION = "api_keys";
    private static final String ID = "_id";
    private static final String USERNAME = "username";
    private static final String NAME = "name";
    private static final String HASH = "key_sha256";
    private static final String PREFIX = "key_prefix";
    private static final String CREATED_AT = "created_at";

    private final MongoTemplate mongo;

    public ApiKeyStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void insert(ApiKeyRecord key) {
        mongo.insert(new Document(ID, key.id()).append(USERNAME, key.username()).append(NAME, key.name())
                .append(HASH, key.hash()).append(PREFIX, key.prefix())
                .append(CREATED_AT, Bson.date(key.createdAt())), COLLECTION);
    }

    public Optional<ApiKeyRecord> findByHash(String hash) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where(HASH).is(hash)), Document.class,
                COLLECTION)).map(ApiKeyStore::fromBson);
    }

    public List<ApiKeyRecord> list(String username) {
        Query query = username == null ? new Query() : Query.query(Criteria.where(USERNAME).is(username));
        query.with(Sort.by(CREATED_AT, ID));
        return mongo.find(query, Document.class, COLLECTION).stream().map(ApiKeyStore::fromBson).toList();
    }

    public boolean delete(String id) {
        return mongo.remove(Query.query(Criteria.where(ID).is(id)), COLLECTION).getDeletedCount() > 0;
    }

    private static ApiKeyRecord fromBson(Document d) {
        return new ApiKeyRecord(d.getString(ID), d.getString(USERNAME), d.getString(NAME), d.getString(HASH),
                d.getString(PREFIX), Bson.instant(d, CREATED_AT));
    }
}
