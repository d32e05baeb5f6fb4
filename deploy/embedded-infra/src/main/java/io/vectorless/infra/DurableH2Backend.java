package io.vectorless.infra;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend, made durable before it answers. The stock backend writes into the MVStore's maps
 * and leaves storing them to the store's background auto-commit (about a second later): a process killed in that
 * second loses writes the client was told had succeeded, and a {@code findAndModify} id counter goes back. Here every
 * command that changed anything is committed (written to the file) and synced before its reply leaves, so an
 * acknowledged write survives {@code kill -9} and, with the sync, a power cut.
 */
final class DurableH2Backend extends H2Backend {
    private final MVStore store;
    private final boolean sync;

    DurableH2Backend(String fileName, boolean sync) {
        this(MVStore.open(fileName), sync);
    }

    private DurableH2Backend(MVStore store, boolean sync) {
        super(store);
        this.store = store;
        this.sync = sync;
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        Document reply = super.handleCommand(channel, database, command, query);
        makeDurable();
        return reply;
    }

    /**
     * Commits whatever is unsaved. A commit running in another thread may have started before this command's writes
     * landed; {@link MVStore#commit()} waits for it and then stores what is still unsaved, so returning from here
     * means this command's writes are in the file.
     */
    private void makeDurable() {
        if (store.isClosed() || !store.hasUnsavedChanges()) {
            return;
        }
        store.commit();
        if (sync) {
            store.sync();
        }
    }
}
