package io.vectorless.query.storage;

import io.vectorless.search.DocumentSearchIndex;
import io.vectorless.search.IndexArchive;
import io.vectorless.support.storage.ObjectStore;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens document versions' search indexes from the objects the indexer announced: each is downloaded and unpacked
 * once into a local cache directory (a version never changes, so a cached copy never goes stale) and kept open,
 * at most {@code maxOpen} of them, the least recently used closed and removed from disk first. Every replica does
 * the same from object storage; none reads another service's collections.
 */
public class SearchIndexStore implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SearchIndexStore.class);
    private static final String COMPLETE = "complete";

    private final ObjectStore objects;
    private final Path cacheDir;
    private final boolean ownCacheDir;
    private final Map<String, Opened> open;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    private record Opened(DocumentSearchIndex index, Path dir) {
    }

    /** @param ownCacheDir the cache directory is this store's alone and is removed when it closes */
    public SearchIndexStore(ObjectStore objects, Path cacheDir, int maxOpen, boolean ownCacheDir) {
        this.ownCacheDir = ownCacheDir;
        this.objects = objects;
        this.cacheDir = cacheDir;
        this.open = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Opened> eldest) {
                if (size() <= maxOpen) {
                    return false;
                }
                closeQuietly(eldest.getValue().index());
                deleteQuietly(eldest.getValue().dir());
                return true;
            }
        };
    }

    /** The search index in object {@code key} (of that document version); empty when the object is not there. */
    public Optional<DocumentSearchIndex> open(long documentId, int version, String key) {
        Opened cached = cached(key);
        if (cached != null) {
            return Optional.of(cached.index());
        }
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            cached = cached(key);
            if (cached != null) {
                return Optional.of(cached.index());
            }
            Optional<Opened> loaded = load(documentId, version, key);
            loaded.ifPresent(opened -> {
                synchronized (open) {
                    open.put(key, opened);
                }
            });
            return loaded.map(Opened::index);
        }
    }

    private Opened cached(String key) {
        synchronized (open) {
            return open.get(key);
        }
    }

    /** Not cached when missing: an index being backfilled for an older version appears a little later. */
    private Optional<Opened> load(long documentId, int version, String key) {
        try {
            if (!objects.exists(key)) {
                log.info("document {} v{}: no search index at {} (yet)", documentId, version, key);
                return Optional.empty();
            }
            Path dir = local(documentId, version, key);
            return Optional.of(new Opened(DocumentSearchIndex.open(FSDirectory.open(dir)), dir));
        } catch (RuntimeException | IOException e) {
            log.warn("document {} v{}: search index {} cannot be used: {}", documentId, version, key, e.getMessage());
            return Optional.empty();
        }
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
        } catch (RuntimeException | IOException e) {
            deleteQuietly(partial);
            throw e;
        }
        Files.createFile(partial.resolve(COMPLETE));
        deleteTree(dir);
        Files.move(partial, dir, StandardCopyOption.ATOMIC_MOVE);
        return dir;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            deleteTree(dir);
        } catch (IOException | UncheckedIOException e) {
            log.debug("removing the cached search index {} failed: {}", dir, e.getMessage());
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
            open.values().forEach(opened -> closeQuietly(opened.index()));
            open.clear();
        }
        if (ownCacheDir) {
            deleteQuietly(cacheDir);
        }
    }
}
