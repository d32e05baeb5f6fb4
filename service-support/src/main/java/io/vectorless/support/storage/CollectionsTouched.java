package io.vectorless.support.storage;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonValue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records the collection every MongoDB command names, split into reads and writes, so a test can check that a
 * service touches only the collections {@link io.vectorless.schema.store.StoreNames#mayTouch} allows it.
 */
public class CollectionsTouched implements CommandListener {
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findAndModify", "createIndexes",
            "drop", "dropIndexes", "create");

    private final Set<String> read = ConcurrentHashMap.newKeySet();
    private final Set<String> written = ConcurrentHashMap.newKeySet();

    @Override
    public void commandStarted(CommandStartedEvent started) {
        BsonValue target = started.getCommand().get(started.getCommandName());
        if (target == null || !target.isString() || started.getDatabaseName().equals("admin")) {
            return;
        }
        (WRITES.contains(started.getCommandName()) ? written : read).add(target.asString().getValue());
    }

    public Set<String> read() {
        return Set.copyOf(read);
    }

    public Set<String> written() {
        return Set.copyOf(written);
    }

    public Set<String> all() {
        Set<String> all = new java.util.HashSet<>(read);
        all.addAll(written);
        return Set.copyOf(all);
    }
}
