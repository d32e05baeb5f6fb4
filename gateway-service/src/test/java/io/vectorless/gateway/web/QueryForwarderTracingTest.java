package io.vectorless.gateway.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vectorless.support.web.AuthProperties;
import io.vectorless.support.web.Caller;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.micrometer.tracing.propagation.Propagator;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.vectorless.gateway.config.GatewayProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** A question forwarded to query-service carries the gateway's trace context, so both log under one trace id. */
class QueryForwarderTracingTest {

    @Test
    void forwardedRequestCarriesTheCurrentTraceAsTraceparent() throws Exception {
        AtomicReference<String> received = new AtomicReference<>();
        HttpServer upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/", exchange -> {
            received.set(exchange.getRequestHeaders().getFirst("traceparent"));
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        upstream.start();
        SdkTracerProvider provider = SdkTracerProvider.builder().build();
        try {
            io.opentelemetry.api.trace.Tracer otel = provider.get("test");
            Tracer tracer = new OtelTracer(otel, new OtelCurrentTraceContext(), event -> {
            });
            StaticListableBeanFactory beans = new StaticListableBeanFactory();
            beans.addBean("tracer", tracer);
            beans.addBean("propagator", new OtelPropagator(
                    ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel));
            QueryForwarder forwarder = new QueryForwarder(new GatewayProperties(
                    "http://127.0.0.1:" + upstream.getAddress().getPort(), Duration.ofSeconds(2), Duration.ofMinutes(5), 1,
                    Duration.ofMinutes(10), Duration.ofSeconds(30), Duration.ofSeconds(120), Duration.ofMinutes(30),
                    Duration.ofMillis(250), new GatewayProperties.Cors(List.of("*"))),
                    beans.getBeanProvider(Tracer.class), beans.getBeanProvider(Propagator.class),
                    new ChatScope(null, new ObjectMapper()), beans.getBeanProvider(AuthProperties.class));

            Span span = tracer.nextSpan().name("question").start();
            try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
                forwarder.chatQuery(Caller.ADMIN, new MockHttpServletRequest("POST", "/api/chat/query"), "{}".getBytes());
            } finally {
                span.end();
            }
            assertThat(received.get()).isNotNull().contains(span.context().traceId());
        } finally {
            provider.close();
            upstream.stop(0);
        }
    }
}
