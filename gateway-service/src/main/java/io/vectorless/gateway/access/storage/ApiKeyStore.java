package io.vectorless.gateway.access.storage;

import io.vectorless.schema.store.StoreNames;
import io.vectorless.gateway.domain.ApiKeyRecord;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

/** The {@code api_keys} collection: per-user keys, stored as their SHA-256 only, mapped by Spring Data. */
@Repository
public class ApiKeyStore {
    static final String COLLECTION = StoreNames.API_KEYS;
    static final String HASH = "key_sha256";
    static final String PREFIX = "key_prefix";
    static final String CREATED_AT = "created_at";
    private static final String ID = "_id";
    private static final String USERNAME = "username";

    private final MongoTemplate mongo;

    public ApiKeyStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void insert(ApiKeyRecord key) {
        mongo.insert(StoredApiKey.of(key));
    }

    public Optional<ApiKeyRecord> findByHash(String hash) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where(HASH).is(hash)), StoredApiKey.class))
                .map(StoredApiKey::toRecord);
    }

    public List<ApiKeyRecord> list(String username) {
        Query query = username == null ? new Query() : Query.query(Criteria.where(USERNAME).is(username));
        query.with(Sort.by(CREATED_AT, ID));
        return mongo.find(query, StoredApiKey.class).stream().map(StoredApiKey::toRecord).toList();
    }

    public boolean delete(String id) {
        return mongo.remove(Query.query(Criteria.where(ID).is(id)), StoredApiKey.class).getDeletedCount() > 0;
    }
}
