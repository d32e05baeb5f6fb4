package io.vectorless.gateway.access.storage;

import io.vectorless.gateway.domain.ApiKeyRecord;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

import java.time.Instant;

/** A row of {@code api_keys} as Spring Data maps it: the key's SHA-256, never the key. */
@Document(ApiKeyStore.COLLECTION)
record StoredApiKey(@Id String id, String username, String name, @Field(ApiKeyStore.HASH) String hash,
                    @Field(ApiKeyStore.PREFIX) String prefix, @Field(ApiKeyStore.CREATED_AT) Instant createdAt) {

    static StoredApiKey of(ApiKeyRecord key) {
        return new StoredApiKey(key.id(), key.username(), key.name(), key.hash(), key.prefix(), key.createdAt());
    }

    ApiKeyRecord toRecord() {
        return new ApiKeyRecord(id, username, name, hash, prefix, createdAt);
    }
}
