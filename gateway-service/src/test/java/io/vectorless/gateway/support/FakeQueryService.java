package io.vectorless.gateway.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/** A stand-in for query-service on a random local port; each test installs the handler it needs. */
public final class FakeQueryService {
    private static final FakeQueryService SHARED = new FakeQueryService();

    public interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    /** What the gateway sent: method, path with query, headers and body. */
    public record Seen(String method, String uri, com.sun.net.httpserver.Headers headers, byte[] body) {
    }

    private final HttpServer server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private volatile Handler handler = exchange -> {
        exchange.sendResponseHeaders(404, -1);
        exchange.close();
    };

    private FakeQueryService() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "fake-query-service");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders(), body));
            handler.handle(exchange);
        });
        server.start();
    }

    public static FakeQueryService shared() {
        return SHARED;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void handle(Handler next) {
        seen.clear();
        handler = next;
    }

    public List<Seen> seen() {
        return seen;
    }

    /** Answers 200 with a JSON body. */
    public static void json(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
