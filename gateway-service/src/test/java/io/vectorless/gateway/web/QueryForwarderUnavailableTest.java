package io.vectorless.gateway.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vectorless.support.web.AuthProperties;
import io.vectorless.support.web.Caller;
import io.vectorless.gateway.config.GatewayProperties;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.net.InetSocketAddress;
import com.sun.net.httpserver.HttpServer;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;

class QueryForwarderUnavailableTest {
    static final ObjectProvider<Tracer> NO_TRACER = new StaticListableBeanFactory().getBeanProvider(Tracer.class);
    static final ObjectProvider<Propagator> NO_PROPAGATOR =
            new StaticListableBeanFactory().getBeanProvider(Propagator.class);

    private static QueryForwarder forwarderToClosedPort() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return forwarderTo(port, Duration.ofMinutes(5));
    }

    private static QueryForwarder forwarderTo(int port, Duration readTimeout) {
        return new QueryForwarder(new GatewayProperties("http://127.0.0.1:" + port, Duration.ofSeconds(2), readTimeout, 1,
                Duration.ofMinutes(10), Duration.ofSeconds(30), Duration.ofSeconds(120), Duration.ofMinutes(30),
                Duration.ofMillis(250), new GatewayProperties.Cors(List.of("*"))), NO_TRACER, NO_PROPAGATOR,
                new ChatScope(null, new ObjectMapper()),
                new StaticListableBeanFactory().getBeanProvider(AuthProperties.class));
    }

    private static String body(ResponseEntity<StreamingResponseBody> response) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        response.getBody().writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void chatQueryAnswers503WithDetailWhenQueryServiceIsDown() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/chat/query");

        ResponseEntity<StreamingResponseBody> response = forwarderToClosedPort().chatQuery(Caller.ADMIN, request, "{}".getBytes());

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(body(response)).isEqualTo("{\"detail\":\"query service unavailable\"}");
    }

    @Test
    void openAiPathsAlsoCarryAnErrorObjectWhenQueryServiceIsDown() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/v1/chat/completions");

        ResponseEntity<StreamingResponseBody> response = forwarderToClosedPort().chatCompletions(Caller.ADMIN, request,
                "{}".getBytes());

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(body(response)).contains("\"detail\":\"query service unavailable\"")
                .contains("\"error\":{\"message\":\"query service unavailable\"");
    }

    @Test
    void aStreamTheQueryServiceAbandonsMidAnswerEndsWithAnOpenAiErrorEvent() throws Exception {
        HttpServer stalling = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        CountDownLatch release = new CountDownLatch(1);
        stalling.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write("data: {\"choices\":[{\"delta\":{\"content\":\"Back\"}}]}\n\n"
                    .getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            try {
                release.await(); // says nothing more, and keeps the connection open
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        stalling.setExecutor(Executors.newCachedThreadPool());
        stalling.start();
        try {
            MockHttpServletRequest request = new MockHttpServletRequest("POST", "/v1/chat/completions");
            ResponseEntity<StreamingResponseBody> response = forwarderTo(stalling.getAddress().getPort(),
                    Duration.ofMillis(300)).chatCompletions(Caller.ADMIN, request, "{\"stream\":true}".getBytes());

            String events = CompletableFuture.supplyAsync(() -> {
                try {
                    return body(response);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).get(30, TimeUnit.SECONDS);

            assertThat(response.getStatusCode().value()).isEqualTo(200);
            assertThat(events).startsWith("data: {\"choices\"").contains("Back")
                    .contains("data: {\"detail\":").contains("\"error\":{\"message\":")
                    .contains("\"code\":\"upstream_interrupted\"").endsWith("\n\n");
        } finally {
            release.countDown();
            stalling.stop(0);
        }
    }
}
