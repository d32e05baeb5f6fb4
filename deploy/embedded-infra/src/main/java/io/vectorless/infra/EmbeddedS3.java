package io.vectorless.infra;

import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.gaul.s3proxy.blobstore.BlobStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/** An S3-compatible server (S3Proxy) storing objects as files under a directory, or in memory without one. */
final class EmbeddedS3 implements AutoCloseable {
    static final String ACCESS_KEY = "vectorless";
    static final String SECRET_KEY = "vectorless-secret";

    private final S3Proxy proxy;
    private final int port;

    EmbeddedS3(Path directory, int requestedPort) {
        BlobStore store;
        if (directory == null) {
            store = new TransientNio2BlobStore();
        } else {
            try {
                Files.createDirectories(directory);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + directory, e);
            }
            store = new FilesystemNio2BlobStore(directory.toAbsolutePath().toString());
        }
        port = requestedPort > 0 ? requestedPort : freePort();
        proxy = S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        try {
            proxy.start();
        } catch (Exception e) {
            throw new IllegalStateException("S3 server did not start on port " + port + ": " + e.getMessage(), e);
        }
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("S3 server did not stop: " + e.getMessage(), e);
        }
    }
}
