package io.vectorless.infra.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A scripted OpenAI-compatible chat-completions server for tests: answers from a queue of {@link Reply}s (then from
 * a fallback function), counts and records every call, streams SSE chunks for {@code "stream": true}, and reports
 * token usage (about four characters a token) so callers' accounting can be checked.
 */
public final class ScriptedLlmServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One recorded call. */
    public record Call(String path, JsonNode body) {
        /** The system message's text (prompts say what they are for), or "". */
        public String purposeHint() {
            return messageText("system");
        }

        /** The last user message's text, or "". */
        public String userText() {
            return messageText("user");
        }

        public boolean streamed() {
            return body.path("stream").asBoolean(false);
        }

        private String messageText(String role) {
            String found = "";
            for (JsonNode message : body.path("messages")) {
                if (role.equals(message.path("role").asText())) {
                    JsonNode content = message.path("content");
                    if (content.isArray()) {
                        StringBuilder text = new StringBuilder();
                        for (JsonNode part : content) {
                            text.append(part.path("text").asText(""));
                        }
                        found = text.toString();
                    } else {
                        found = content.asText("");
                    }
                }
            }
            return found;
        }
    }

    private final HttpServer server;
    private final Deque<Reply> queue = new ConcurrentLinkedDeque<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private volatile Function<Call, Reply> fallback = call -> Reply.content("ok");

    private ScriptedLlmServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "scripted-llm");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public static ScriptedLlmServer start() {
        try {
            return new ScriptedLlmServer();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the scripted LLM server", e);
        }
    }

    /** The base URL to configure, ending in {@code /v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public ScriptedLlmServer enqueue(Reply... replies) {
        queue.addAll(List.of(replies));
        return this;
    }

    /** What to answer once the queue is empty. */
    public ScriptedLlmServer respondWith(Function<Call, Reply> function) {
        this.fallback = function;
        return this;
    }

    public List<Call> calls() {
        return new ArrayList<>(calls);
    }

    public int callCount() {
        return calls.size();
    }

    /** Forgets calls, empties the queue and restores the default fallback. */
    public void reset() {
        calls.clear();
        queue.clear();
        fallback = call -> Reply.content("ok");
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] requestBytes = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            if (!path.endsWith("/chat/completions")) {
                send(exchange, 404, "application/json", "{\"error\":{\"message\":\"no such path\"}}");
                return;
            }
            JsonNode body;
            try {
                body = JSON.readTree(requestBytes);
            } catch (IOException e) {
                send(exchange, 400, "application/json", "{\"error\":{\"message\":\"body is not JSON\"}}");
                return;
            }
            Call call = new Call(path, body);
            calls.add(call);
            Reply reply = queue.poll();
            if (reply == null) {
                reply = fallback.apply(call);
            }
            if (!reply.delay().isZero()) {
                try {
                    Thread.sleep(reply.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (reply.content() == null) {
                send(exchange, reply.status(), "application/json", reply.rawBody());
                return;
            }
            int promptTokens = Math.max(1, requestBytes.length / 4);
            int completionTokens = Math.max(1, reply.content().length() / 4);
            String id = "chatcmpl-stub-" + ids.incrementAndGet();
            String model = body.path("model").asText("stub-model");
            if (call.streamed()) {
                stream(exchange, id, model, reply.content(), promptTokens, completionTokens);
            } else {
                ObjectNode root = JSON.createObjectNode();
                root.put("id", id).put("object", "chat.completion").put("created", System.currentTimeMillis() / 1000)
                        .put("model", model);
                ObjectNode choice = root.putArray("choices").addObject();
                choice.put("index", 0).putObject("message").put("role", "assistant").put("content", reply.content());
                choice.put("finish_reason", "stop");
                usage(root, promptTokens, completionTokens);
                send(exchange, 200, "application/json", root.toString());
            }
        }
    }

    private void stream(HttpExchange exchange, String id, String model, String content, int prompt, int completion)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        String[] words = content.split("(?<= )");
        for (int i = 0; i < words.length; i++) {
            ObjectNode chunk = chunk(id, model);
            ObjectNode choice = ((ArrayNode) chunk.get("choices")).addObject();
            ObjectNode delta = choice.put("index", 0).putObject("delta");
            if (i == 0) {
                delta.put("role", "assistant");
            }
            delta.put("content", words[i]);
            choice.putNull("finish_reason");
            event(out, chunk.toString());
        }
        ObjectNode last = chunk(id, model);
        ObjectNode choice = ((ArrayNode) last.get("choices")).addObject();
        choice.put("index", 0).putObject("delta");
        choice.put("finish_reason", "stop");
        event(out, last.toString());
        ObjectNode usage = chunk(id, model);
        usage(usage, prompt, completion);
        event(out, usage.toString());
        event(out, "[DONE]");
    }

    private static ObjectNode chunk(String id, String model) {
        ObjectNode chunk = JSON.createObjectNode();
        chunk.put("id", id).put("object", "chat.completion.chunk").put("created", System.currentTimeMillis() / 1000)
                .put("model", model).putArray("choices");
        return chunk;
    }

    private static void usage(ObjectNode root, int prompt, int completion) {
        root.putObject("usage").put("prompt_tokens", prompt).put("completion_tokens", completion)
                .put("total_tokens", prompt + completion);
    }

    private static void event(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }
}
