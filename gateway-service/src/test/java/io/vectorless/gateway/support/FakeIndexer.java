package io.vectorless.gateway.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vectorless.schema.EventJson;
import io.vectorless.schema.store.NodeApi;
import io.vectorless.schema.store.StoredNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for indexer-service's node answers ({@link NodeApi}) on a random local port, serving the nodes a test
 * saves, in the shape of the contract fixtures {@code tree-outline.json} and {@code tree-node.json} (which the
 * indexer's own test checks its answers against).
 */
public final class FakeIndexer {
    private static final FakeIndexer SHARED = new FakeIndexer();
    private static final Pattern OUTLINE = Pattern.compile("/internal/documents/(\\d+)/versions/(\\d+)/outline");
    private static final Pattern NODE = Pattern.compile("/internal/documents/(\\d+)/versions/(\\d+)/nodes/(.+)");

    private final HttpServer server;
    private final Map<String, StoredNode> nodes = new ConcurrentHashMap<>();
    private volatile boolean answering = true;

    private FakeIndexer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "fake-indexer");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeIndexer shared() {
        return SHARED;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void save(StoredNode node) {
        nodes.put(node.id(), node);
    }

    public void save(List<StoredNode> all) {
        all.forEach(this::save);
    }

    /** While off, every question answers 500, as an indexer in trouble would. */
    public void answering(boolean on) {
        answering = on;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        Matcher outline = OUTLINE.matcher(path);
        Matcher node = NODE.matcher(path);
        Object body = null;
        if (!answering) {
            send(exchange, 500, Map.of("detail", "indexer in trouble"));
            return;
        }
        if (outline.matches()) {
            List<StoredNode> found = version(Long.parseLong(outline.group(1)), Integer.parseInt(outline.group(2)))
                    .stream().map(FakeIndexer::withoutText).toList();
            body = found.isEmpty() ? null : found;
        } else if (node.matches()) {
            long documentId = Long.parseLong(node.group(1));
            int version = Integer.parseInt(node.group(2));
            String nodeId = URLDecoder.decode(node.group(3), StandardCharsets.UTF_8);
            StoredNode found = nodes.get(StoredNode.idOf(documentId, version, nodeId));
            body = found == null ? null : new NodeApi.NodeDetail(found, version(documentId, version).stream()
                    .filter(n -> nodeId.equals(n.parentId())).map(FakeIndexer::withoutText).toList());
        }
        if (body == null) {
            send(exchange, 404, Map.of("detail", "not found: " + path));
        } else {
            send(exchange, 200, body);
        }
    }

    private List<StoredNode> version(long documentId, int version) {
        return nodes.values().stream().filter(n -> n.documentId() == documentId && n.version() == version)
                .sorted(Comparator.comparingInt(StoredNode::ordinal)).toList();
    }

    private static StoredNode withoutText(StoredNode n) {
        return new StoredNode(n.id(), n.documentId(), n.version(), n.workspaceId(), n.nodeId(), n.parentId(),
                n.level(), n.ordinal(), n.title(), n.summary(), n.startPage(), n.endPage(), null, n.imageKeys(),
                n.childIds(), n.tokens());
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = EventJson.mapper().writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
