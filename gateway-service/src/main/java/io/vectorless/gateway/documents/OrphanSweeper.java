package io.vectorless.gateway.documents;

import io.micrometer.core.instrument.MeterRegistry;
import io.vectorless.gateway.config.HealingProperties;
import io.vectorless.gateway.config.Periodic;
import io.vectorless.gateway.domain.DocumentRecord;
import io.vectorless.gateway.documents.storage.DocumentStore;
import io.vectorless.support.storage.ObjectStore;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes objects that belong to no live document version: left behind by a crash between writing an object and
 * recording it, by a deletion that was interrupted, or by a version that was replaced. Live means the document
 * exists in that workspace and the version is its current or its indexed (still answering) one. Objects younger
 * than {@code orphanMinAge} are never touched: an upload, a replace or a pipeline run may still be writing them
 * before their record says so.
 */
@Component
public class OrphanSweeper {
    private static final Logger log = LoggerFactory.getLogger(OrphanSweeper.class);
    /** ws/{workspace}/doc/{document}/v{version}/..., the layout of ObjectKeys; the version part may be absent. */
    private static final Pattern DOCUMENT_KEY = Pattern.compile("^ws/(\\d+)/doc/(\\d+)/(?:v(\\d+)/)?");
    private static final String ROOT = "ws/";

    /** What a sweep found. */
    public record Result(int examined, int deleted, int tooYoung) {
    }

    private final ObjectStore store;
    private final DocumentStore docs;
    private final HealingProperties healing;
    private final MeterRegistry meters;
    private Periodic periodic;

    public OrphanSweeper(ObjectStore store, DocumentStore docs, HealingProperties healing, MeterRegistry meters) {
        this.store = store;
        this.docs = docs;
        this.healing = healing;
        this.meters = meters;
    }

    @PostConstruct
    void start() {
        Duration interval = healing.orphanSweepInterval();
        if (interval.isZero() || interval.isNegative()) {
            return;
        }
        periodic = Periodic.start("orphan-sweeper", interval, interval, () -> sweep(Instant.now()));
    }

    @PreDestroy
    void stop() {
        if (periodic != null) {
            periodic.close();
        }
    }

    /** One pass over object storage, judging ages against {@code now}. */
    public Result sweep(Instant now) {
        Instant youngest = now.minus(healing.orphanMinAge());
        Map<Long, Optional<DocumentRecord>> records = new HashMap<>();
        int examined = 0;
        int deleted = 0;
        int tooYoung = 0;
        for (ObjectStore.StoredObject object : store.listObjects(ROOT)) {
            examined++;
            Matcher key = DOCUMENT_KEY.matcher(object.key());
            if (!key.find()) {
                continue; // not a layout this sweeper knows: leave it
            }
            long workspace = Long.parseLong(key.group(1));
            long document = Long.parseLong(key.group(2));
            Integer version = key.group(3) == null ? null : Integer.valueOf(key.group(3));
            Optional<DocumentRecord> record = records.computeIfAbsent(document, docs::find);
            if (live(record, workspace, version)) {
                continue;
            }
            if (object.lastModified() == null || object.lastModified().isAfter(youngest)) {
                tooYoung++;
                continue;
            }
            // read again right before deleting: the document may have been created or moved on since the listing
            if (live(docs.find(document), workspace, version)) {
                continue;
            }
            store.delete(object.key());
            deleted++;
        }
        if (deleted > 0) {
            meters.counter("vectorless.gateway.orphans.deleted").increment(deleted);
            log.info("removed {} objects of no live document version ({} examined, {} too recent to judge)",
                    deleted, examined, tooYoung);
        }
        return new Result(examined, deleted, tooYoung);
    }

    private static boolean live(Optional<DocumentRecord> record, long workspace, Integer version) {
        if (record.isEmpty() || record.get().workspaceId() != workspace) {
            return false;
        }
        DocumentRecord doc = record.get();
        // a version above the current one that is old enough is a replace whose record was lost: ingest would take
        // its original for a newer upload and skip the current version, so it goes too
        return version == null || version == doc.version() || version == doc.indexedVersion();
    }
}
