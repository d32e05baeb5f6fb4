package io.vectorless.infra;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MongoDB wire-protocol server (mongo-java-server). With a directory it persists to an H2 file there, commits and
 * syncs every write before acknowledging it ({@link DurableH2Backend}), and so survives a restart and a
 * {@code kill -9}; without one it keeps data in memory. No transactions, no change streams: the design needs neither.
 */
final class EmbeddedMongo implements AutoCloseable {
    private final MongoServer server;
    private final InetSocketAddress address;

    EmbeddedMongo(Path directory, int port) {
        if (directory == null) {
            server = new MongoServer(new MemoryBackend());
        } else {
            try {
                Files.createDirectories(directory);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + directory, e);
            }
            server = new MongoServer(new DurableH2Backend(directory.resolve("mongo.mv").toString(), true));
        }
        server.bind("127.0.0.1", port);
        address = server.getLocalAddress();
    }

    String uri(String database) {
        return "mongodb://127.0.0.1:" + address.getPort() + "/" + database;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
