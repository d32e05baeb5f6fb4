package io.vectorless.support.health;

import io.vectorless.support.storage.ObjectStore;

import java.time.Duration;
import java.util.Map;

/**
 * Object storage is up when it answers whether the bucket exists. A missing bucket is not a failure: the first
 * write creates it (a fresh installation has none yet).
 */
class ObjectStorageHealthIndicator extends TimeLimitedHealthIndicator {
    private final ObjectStore store;

    ObjectStorageHealthIndicator(ObjectStore store, Duration timeout) {
        super(timeout);
        this.store = store;
    }

    @Override
    protected Map<String, Object> check() {
        return Map.of("bucket", store.bucket(), "bucketExists", store.bucketExists());
    }

    @Override
    protected String what() {
        return "object storage";
    }
}
