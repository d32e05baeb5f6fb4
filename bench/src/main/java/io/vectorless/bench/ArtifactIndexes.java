package io.vectorless.bench;

import io.vectorless.query.storage.SearchIndexStore;
import io.vectorless.schema.store.ObjectKeys;
import io.vectorless.search.DocumentSearchIndex;
import io.vectorless.search.IndexArchive;
import io.vectorless.search.IndexInput;
import io.vectorless.support.storage.ObjectStore;
import io.vectorless.support.storage.ObjectStoreProperties;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.util.Optional;

/**
 * Search indexes the way query-service gets them: the indexer's archive in S3-compatible object storage (an
 * in-memory S3Proxy on a loopback port), opened through query-service's own {@link SearchIndexStore} (download,
 * unpack into a local cache, open, keep open).
 */
final class ArtifactIndexes implements AutoCloseable {
    private final S3Proxy proxy;
    private final ObjectStore objects;
    private SearchIndexStore store;

    ArtifactIndexes() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        proxy = S3Proxy.builder().blobStore(new TransientNio2BlobStore())
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "bench", "bench-secret").build();
        proxy.start();
        objects = new ObjectStore(new ObjectStoreProperties("http://127.0.0.1:" + port, "bench", "bench-secret",
                "bench", "us-east-1"));
        objects.ensureBucket();
        emptyCache();
    }

    /** Stores the version's index as the indexer does; returns its key. */
    String put(IndexInput input) {
        String key = ObjectKeys.searchIndex(1, input.documentId(), input.version(), "bench");
        objects.put(key, IndexArchive.build(input).archive(), IndexArchive.CONTENT_TYPE);
        return key;
    }

    Optional<DocumentSearchIndex> open(long documentId, int version, String key) {
        return store.open(documentId, version, key);
    }

    /** A replica that just started: nothing cached or open. */
    void emptyCache() throws IOException {
        if (store != null) {
            store.close();
        }
        store = new SearchIndexStore(objects, Files.createTempDirectory("bench-index-cache"), 1000, true);
    }

    @Override
    public void close() throws Exception {
        store.close();
        proxy.stop();
    }
}
