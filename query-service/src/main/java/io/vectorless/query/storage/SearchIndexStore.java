package io.vectorless.query.storage;

import io.vectorless.schema.store.StoreFields;
import io.vectorless.schema.store.StoreNames;
import io.vectorless.schema.store.StoredNode;
import io.vectorless.schema.store.StoredNodes;
import io.vectorless.search.DocumentSearchIndex;
import io.vectorless.search.IndexArchive;
import io.vectorless.search.IndexInput;
import io.vectorless.search.SearchIndexWriter;
import io.vectorless.support.storage.ObjectStore;
import org.bson.Document;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens document versions' search indexes: the indexer's record names the object, the object is unpacked once
 * into a local cache directory (versions never change, so a cached copy never goes stale) and kept open, the most
 * recently used first. A version indexed before search indexes existed gets one built in memory from its nodes,
 * once per replica.
 */
public class SearchIndexStore implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SearchIndexStore.class);
    private static final String COMPLETE = "complete";

    private final MongoTemplate mongo;
    private final ObjectStore objects;
    private final Path cacheDir;
    private final boolean ownCacheDir;
    private final Map<String, DocumentSearchIndex> open;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    public SearchIndexStore(MongoTemplate mongo, ObjectStore objects, Path cacheDir, int maxOpen) {
        this(mongo, objects, cacheDir, maxOpen, false);
    }

    /** @param ownCacheDir the cache directory is this store's alone and is removed when it closes */
    public SearchIndexStore(MongoTemplate mongo, ObjectStore objects, Path cacheDir, int maxOpen,
                            boolean ownCacheDir) {
        this.ownCacheDir = ownCacheDir;
        this.mongo = mongo;
        this.objects = objects;
        this.cacheDir = cacheDir;
        this.open = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, DocumentSearchIndex> eldest) {
                if (size() <= maxOpen) {
                    return false;
                }
                closeQuietly(eldest.getValue());
                return true;
            }
        };
    }

    public Optional<DocumentSearchIndex> open(long documentId, int version) {
        String id = StoreFields.SearchIndex.idOf(documentId, version);
        DocumentSearchIndex cached = cached(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        synchronized (locks.computeIfAbsent(id, k -> new Object())) {
            cached = cached(id);
            if (cached != null) {
                return Optional.of(cached);
            }
            Optional<DocumentSearchIndex> loaded = load(documentId, version);
            loaded.ifPresent(index -> {
                synchronized (open) {
                    open.put(id, index);
                }
            });
            return loaded;
        }
    }

    private DocumentSearchIndex cached(String id) {
        synchronized (open) {
            return open.get(id);
        }
    }

    private Optional<DocumentSearchIndex> load(long documentId, int version) {
        Document record = mongo.findById(StoreFields.SearchIndex.idOf(documentId, version), Document.class,
                StoreNames.SEARCH_INDEXES);
        String key = record == null ? null : record.getString(StoreFields.SearchIndex.OBJECT_KEY);
        if (key != null) {
            try {
                return Optional.of(DocumentSearchIndex.open(FSDirectory.open(local(documentId, version, key))));
            } catch (RuntimeException | IOException e) {
                log.warn("document {} v{}: search index {} cannot be used ({}); building one from the nodes",
                        documentId, version, key, e.getMessage());
            }
        }
        return fromNodes(documentId, version);
    }

    /** The unpacked copy in the cache directory, downloaded the first time. */
    private Path local(long documentId, int version, String key) throws IOException {
        Path dir = cacheDir.resolve(documentId + "-v" + version + "-" + Integer.toHexString(key.hashCode()));
        if (Files.exists(dir.resolve(COMPLETE))) {
            return dir;
        }
        Path partial = Files.createDirectories(cacheDir).resolve(dir.getFileName() + ".part-" + System.nanoTime());
        try (InputStream in = objects.open(key)) {
            IndexArchive.unpack(in, partial);
        }
        Files.createFile(partial.resolve(COMPLETE));
        deleteTree(dir);
        Files.move(partial, dir, StandardCopyOption.ATOMIC_MOVE);
        return dir;
    }

    private Optional<DocumentSearchIndex> fromNodes(long documentId, int version) {
        Query query = new Query(Criteria.where(StoreFields.Node.DOCUMENT_ID).is(documentId)
                .and(StoreFields.Node.VERSION).is(version)).with(Sort.by(StoreFields.Node.ORDINAL));
        List<StoredNode> records = mongo.find(query, StoredNode.class, StoreNames.NODES);
        return StoredNodes.assemble(records).map(root -> {
            ByteBuffersDirectory directory = new ByteBuffersDirectory();
            SearchIndexWriter.write(new IndexInput(documentId, version, root.title(), root, List.of()), directory);
            return DocumentSearchIndex.open(directory);
        });
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void closeQuietly(DocumentSearchIndex index) {
        try {
            index.close();
        } catch (IOException | UncheckedIOException e) {
            log.debug("closing a search index failed: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        synchronized (open) {
            open.values().forEach(SearchIndexStore::closeQuietly);
            open.clear();
        }
        if (ownCacheDir) {
            try {
                deleteTree(cacheDir);
            } catch (IOException e) {
                log.warn("search index cache {} could not be removed: {}", cacheDir, e.getMessage());
            }
        }
    }
}
