package io.vectorless.gateway.web;

import io.vectorless.gateway.support.FakeQueryService;
import io.vectorless.gateway.support.GatewayTestBase;
import io.vectorless.gateway.support.Http;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class QueryForwardingTest extends GatewayTestBase {

    @Test
    void forwardsMethodPathQueryBodyAndAuthHeadersAndCopiesStatusAndType() {
        FakeQueryService fake = FakeQueryService.shared();
        fake.handle(exchange -> {
            byte[] body = "{\"object\":\"list\",\"data\":[]}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(207, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });

        Http.Response files = http.get("/v1/files?limit=5");
        Http.Response chat = http.send(http.request("/api/chat/query").header("Content-Type", "application/json")
                .header("x-api-key", "extra").POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"hi\"}")));

        assertThat(files.status()).isEqualTo(207);
        assertThat(files.contentType()).startsWith("application/json");
        assertThat(files.json().get("object").asText()).isEqualTo("list");
        assertThat(chat.status()).isEqualTo(207);
        FakeQueryService.Seen first = fake.seen().get(0);
        assertThat(first.method()).isEqualTo("GET");
        assertThat(first.uri()).isEqualTo("/v1/files?limit=5");
        assertThat(first.headers().getFirst("Authorization")).isEqualTo("Bearer " + Http.KEY);
        FakeQueryService.Seen second = fake.seen().get(1);
        assertThat(second.method()).isEqualTo("POST");
        assertThat(second.uri()).isEqualTo("/api/chat/query");
        assertThat(new String(second.body(), StandardCharsets.UTF_8)).isEqualTo("{\"query\":\"hi\"}");
        // query-service is called with the gateway's own key, never with what the caller sent
        assertThat(second.headers().getFirst("x-api-key")).isNull();
        assertThat(second.headers().getFirst("Authorization")).isEqualTo("Bearer " + Http.KEY);
        assertThat(second.headers().getFirst("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void streamsServerSentEventsChunkByChunk() throws Exception {
        CountDownLatch firstChunkRead = new CountDownLatch(1);
        AtomicBoolean lastSentBeforeFirstRead = new AtomicBoolean(false);
        FakeQueryService.shared().handle(exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write("data: {\"choices\":[{\"delta\":{\"content\":\"Based\"}}]}\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            try {
                if (!firstChunkRead.await(30, TimeUnit.SECONDS)) {
                    lastSentBeforeFirstRead.set(true);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            out.close();
        });

        HttpResponse<java.io.InputStream> response = Http.client().send(http.request("/v1/chat/completions")
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"pageindex-ws-1\",\"stream\":true}")).build(),
                HttpResponse.BodyHandlers.ofInputStream());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String first = reader.readLine();
            assertThat(first).contains("Based");
            firstChunkRead.countDown();
            StringBuilder rest = new StringBuilder();
            for (String line; (line = reader.readLine()) != null; ) {
                rest.append(line).append('\n');
            }
            assertThat(rest.toString()).contains("data: [DONE]");
        }
        assertThat(lastSentBeforeFirstRead).isFalse();
    }
}
