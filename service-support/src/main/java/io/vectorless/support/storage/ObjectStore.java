package io.vectorless.support.storage;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Item;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Object storage through the MinIO client: originals, parsed documents and page images, in one bucket. Keys come
 * from {@link io.vectorless.schema.store.ObjectKeys}, never from user-supplied names.
 */
public class ObjectStore {
    private static final long PART_SIZE = 10L * 1024 * 1024;

    private final MinioClient client;
    private final String bucket;
    private volatile boolean bucketReady;

    public ObjectStore(ObjectStoreProperties properties) {
        this.client = MinioClient.builder()
                .endpoint(properties.endpoint())
                .credentials(properties.accessKey(), properties.secretKey())
                .region(properties.region())
                .build();
        this.bucket = properties.bucket();
    }

    public String bucket() {
        return bucket;
    }

    public void put(String key, byte[] bytes, String contentType) {
        put(key, new ByteArrayInputStream(bytes), bytes.length, contentType);
    }

    /** Stores a stream; {@code size} may be -1 when unknown (multipart upload). */
    public void put(String key, InputStream in, long size, String contentType) {
        ensureBucket();
        call(() -> client.putObject(PutObjectArgs.builder().bucket(bucket).object(key)
                .stream(in, size, size >= 0 && size < PART_SIZE ? -1 : PART_SIZE)
                .contentType(contentType == null ? "application/octet-stream" : contentType)
                .build()), "store " + key);
    }

    /** Opens an object for reading; the caller closes the stream. */
    public InputStream open(String key) {
        ensureBucket();
        return call(() -> client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build()), "read " + key);
    }

    public byte[] getBytes(String key) {
        try (InputStream in = open(key)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ObjectStoreException("cannot read " + key + ": " + e.getMessage(), e);
        }
    }

    /** The object's size, or empty when there is no such object. */
    public Optional<Long> size(String key) {
        ensureBucket();
        try {
            return Optional.of(client.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build()).size());
        } catch (ErrorResponseException e) {
            if ("NoSuchKey".equals(e.errorResponse().code()) || "NoSuchObject".equals(e.errorResponse().code())) {
                return Optional.empty();
            }
            throw new ObjectStoreException("cannot stat " + key + ": " + e.getMessage(), e);
        } catch (Exception e) {
            throw new ObjectStoreException("cannot stat " + key + ": " + e.getMessage(), e);
        }
    }

    public boolean exists(String key) {
        return size(key).isPresent();
    }

    public void delete(String key) {
        ensureBucket();
        call(() -> {
            client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
            return null;
        }, "delete " + key);
    }

    /** Keys under a prefix, recursively. */
    public List<String> list(String prefix) {
        ensureBucket();
        List<String> keys = new ArrayList<>();
        for (Result<Item> result : client.listObjects(ListObjectsArgs.builder().bucket(bucket).prefix(prefix)
                .recursive(true).build())) {
            keys.add(call(result::get, "list " + prefix).objectName());
        }
        return keys;
    }

    /** One stored object as a listing shows it. */
    public record StoredObject(String key, long size, java.time.Instant lastModified) {
    }

    /** Objects under a prefix, recursively, with their size and when they were written. */
    public List<StoredObject> listObjects(String prefix) {
        ensureBucket();
        List<StoredObject> objects = new ArrayList<>();
        for (Result<Item> result : client.listObjects(ListObjectsArgs.builder().bucket(bucket).prefix(prefix)
                .recursive(true).build())) {
            Item item = call(result::get, "list " + prefix);
            objects.add(new StoredObject(item.objectName(), item.size(),
                    item.lastModified() == null ? null : item.lastModified().toInstant()));
        }
        return objects;
    }

    /** Asks the server whether the bucket exists (not cached: a health check). */
    public boolean bucketExists() {
        return call(() -> client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build()),
                "find bucket " + bucket);
    }

    /** Deletes every object under a prefix; returns how many went. Deleting nothing is not an error. */
    public int deletePrefix(String prefix) {
        List<String> keys = list(prefix);
        for (String key : keys) {
            delete(key);
        }
        return keys.size();
    }

    /** Total stored bytes under a prefix. */
    public long sizeOfPrefix(String prefix) {
        ensureBucket();
        long total = 0;
        for (Result<Item> result : client.listObjects(ListObjectsArgs.builder().bucket(bucket).prefix(prefix)
                .recursive(true).build())) {
            total += call(result::get, "list " + prefix).size();
        }
        return total;
    }

    public void ensureBucket() {
        if (bucketReady) {
            return;
        }
        synchronized (this) {
            if (bucketReady) {
                return;
            }
            call(() -> {
                if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                    try {
                        client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
                    } catch (ErrorResponseException e) {
                        String code = e.errorResponse().code();
                        if (!"BucketAlreadyOwnedByYou".equals(code) && !"BucketAlreadyExists".equals(code)) {
                            throw e;
                        }
                    }
                }
                return null;
            }, "prepare bucket " + bucket);
            bucketReady = true;
        }
    }

    private static <T> T call(StoreCall<T> call, String what) {
        try {
            return call.run();
        } catch (ObjectStoreException e) {
            throw e;
        } catch (Exception e) {
            throw new ObjectStoreException("object storage could not " + what + ": " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface StoreCall<T> {
        T run() throws Exception;
    }

    /** Object storage is unreachable or refused an operation: worth retrying. */
    public static class ObjectStoreException extends RuntimeException {
        public ObjectStoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
