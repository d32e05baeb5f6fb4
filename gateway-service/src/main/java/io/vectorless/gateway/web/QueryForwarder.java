package io.vectorless.gateway.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.vectorless.gateway.config.GatewayProperties;
import io.vectorless.support.web.AuthProperties;
import io.vectorless.support.web.Caller;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Forwards chat calls to query-service (the model list is the gateway's own, see {@code ModelController}) and streams the answer back as it is produced. Any other /v1 path
 * is forwarded as well, so OpenAI clients get OpenAI-shaped answers for everything under /v1.
 * <p>
 * A small forwarder rather than Spring Cloud Gateway Server MVC (tried: 4.3.3 from spring-cloud-dependencies
 * 2025.0.x). The library streams SSE with a flush per read, its route filters can do the per-caller body work
 * ({@link ChatScope}: the question's workspace checked, a user key's username written into the body) and an
 * {@code onError} filter can answer 503. It falls short on two things this API promises: its read timeout (JDK
 * client, the only one on the classpath) ends when the answer's headers arrive, so a stream that goes silent
 * midway hangs until the servlet's async timeout; and a stream that breaks after it started ends as if complete,
 * because the body copy is the library's own, where an OpenAI error event cannot be written. Both need a custom
 * proxy exchange, i.e. this code again behind the library's configuration. The upstream here has a connect
 * timeout, a timeout until its answer starts and the same limit on silence between chunks
 * ({@code vectorless.gateway.query-service-*-timeout}), and a broken stream ends with an error event.
 */
@RestController
class QueryForwarder {
    private static final Logger log = LoggerFactory.getLogger(QueryForwarder.class);
    private static final List<String> KEY_HEADERS = List.of("Authorization", "x-api-key", "xi-api-key");
    private static final List<String> FORWARDED_HEADERS = List.of("Content-Type", "Accept", "traceparent",
            "X-Request-Id");

    private final HttpClient client;
    private final String baseUrl;
    private final Tracer tracer;
    private final Propagator propagator;
    private final ChatScope scope;
    private final String serviceKey;
    private final Duration readTimeout;

    QueryForwarder(GatewayProperties properties, ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator,
                   ChatScope scope, ObjectProvider<AuthProperties> auth) {
        this.scope = scope;
        AuthProperties authProperties = auth.getIfAvailable();
        this.serviceKey = authProperties == null || !authProperties.enabled() ? null : authProperties.apiKey();
        this.tracer = tracer.getIfAvailable();
        this.propagator = propagator.getIfAvailable();
        this.readTimeout = properties.queryServiceReadTimeout();
        this.client = HttpClient.newBuilder().connectTimeout(properties.queryServiceConnectTimeout())
                .version(HttpClient.Version.HTTP_1_1).build();
        String url = properties.queryServiceUrl();
        this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @RequestMapping(path = "/api/chat/query", method = RequestMethod.POST)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = ChatSchemas.ChatQueryRequest.class)))
    @ApiResponse(responseCode = "200", description = "The answer with the sections and documents it used; with "
            + "stream=true server-sent events carrying the answer's pieces, then the whole response", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ChatSchemas.ChatQueryResponse.class)),
            @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string"))})
    ResponseEntity<StreamingResponseBody> chatQuery(Caller caller, HttpServletRequest request,
                                                    @RequestBody(required = false) byte[] body) {
        return forward(request, scope.chatQuery(caller, body));
    }

    /**
     * Every other /v1 path (embeddings, completions, ...) goes to query-service too, which answers OpenAI's 404 that
     * the SDKs can read; the gateway's own /v1 endpoints are more specific and keep their routes.
     */
    @io.swagger.v3.oas.annotations.Hidden
    @RequestMapping(path = "/v1/**")
    ResponseEntity<StreamingResponseBody> otherOpenAiPaths(HttpServletRequest request,
                                                           @RequestBody(required = false) byte[] body) {
        return forward(request, body);
    }

    @RequestMapping(path = "/v1/chat/completions", method = RequestMethod.POST)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = ChatSchemas.ChatCompletionRequest.class)))
    @ApiResponse(responseCode = "200", description = "A chat.completion, or with stream=true chat.completion.chunk "
            + "events ending in data: [DONE]", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ChatSchemas.ChatCompletion.class)),
            @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string"))})
    ResponseEntity<StreamingResponseBody> chatCompletions(Caller caller, HttpServletRequest request,
                                                          @RequestBody(required = false) byte[] body) {
        if (!scope.mayUseModel(caller, body)) {
            return modelNotFound();
        }
        return forward(request, body);
    }

    private static ResponseEntity<StreamingResponseBody> modelNotFound() {
        // the words query-service uses for a workspace that does not exist, so a user learns nothing more
        String detail = "The model does not exist; models are " + ChatScope.MODEL_PREFIX
                + "{workspace id}, see GET /v1/models";
        byte[] bytes = ("{\"detail\":\"" + detail + "\",\"error\":{\"message\":\"" + detail
                + "\",\"type\":\"invalid_request_error\",\"code\":\"model_not_found\"}}")
                .getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
                .body(out -> out.write(bytes));
    }

    /** The gateway's own trace context goes along, so a question's log lines share a trace id across services. */
    private void propagateTrace(HttpServletRequest request, HttpRequest.Builder upstream) {
        if (tracer == null || propagator == null || request.getHeader("traceparent") != null) {
            return;
        }
        Span span = tracer.currentSpan();
        if (span != null) {
            propagator.inject(span.context(), upstream, HttpRequest.Builder::header);
        }
    }

    /**
     * The request to query-service. The gateway calls it with its own (the admin) key rather than the caller's:
     * query-service trusts the gateway, which has already checked what the caller may see.
     */
    private HttpRequest.Builder upstream(HttpServletRequest request, byte[] body) {
        String query = request.getQueryString();
        URI target = URI.create(baseUrl + request.getRequestURI() + (query == null ? "" : "?" + query));
        HttpRequest.Builder upstream = HttpRequest.newBuilder(target).timeout(readTimeout)
                .method(request.getMethod(), body == null || body.length == 0
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String header : serviceKey == null ? concat(KEY_HEADERS, FORWARDED_HEADERS) : FORWARDED_HEADERS) {
            String value = request.getHeader(header);
            if (value != null) {
                upstream.header(header, value);
            }
        }
        if (serviceKey != null) {
            upstream.header("Authorization", "Bearer " + serviceKey);
        }
        propagateTrace(request, upstream);
        return upstream;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    /** The upstream answer, its body still to be read; {@code null} when query-service cannot be reached. */
    private HttpResponse<UpstreamBody> send(HttpServletRequest request, byte[] body) {
        try {
            return client.send(upstream(request, body).build(), UpstreamBody.handler(readTimeout));
        } catch (IOException e) {
            log.warn("query-service at {} is unreachable: {}", baseUrl, e.toString());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private ResponseEntity<StreamingResponseBody> forward(HttpServletRequest request, byte[] body) {
        HttpResponse<UpstreamBody> response = send(request, body);
        if (response == null) {
            return unavailable(request.getRequestURI());
        }
        HttpHeaders headers = new HttpHeaders();
        response.headers().firstValue("Content-Type").ifPresent(type -> headers.set(HttpHeaders.CONTENT_TYPE, type));
        if (response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
            headers.setCacheControl("no-cache");
            headers.set("X-Accel-Buffering", "no");
        }
        boolean events = response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
        String path = request.getRequestURI();
        StreamingResponseBody stream = out -> pump(response.body(), out, events ? path : null);
        return ResponseEntity.status(response.statusCode()).headers(headers).body(stream);
    }

    /** @param eventsOf the request path when the answer is an event stream, else {@code null} */
    private static void pump(UpstreamBody in, OutputStream out, String eventsOf) throws IOException {
        while (true) {
            byte[] chunk;
            try {
                chunk = in.next();
            } catch (IOException upstreamGone) {
                // the answer has started, so the status cannot change any more: say so in the stream, which
                // OpenAI's SDKs raise as an error, rather than let it end as if the answer were complete
                log.warn("query-service stopped mid-answer: {}", upstreamGone.toString());
                if (eventsOf != null) {
                    out.write(errorEvent().getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                return;
            }
            if (chunk == null) {
                return;
            }
            out.write(chunk);
            out.flush();
        }
    }

    private static String errorEvent() {
        String detail = "the answer broke off: the query service stopped answering";
        return "data: {\"detail\":\"" + detail + "\",\"error\":{\"message\":\"" + detail
                + "\",\"type\":\"server_error\",\"code\":\"upstream_interrupted\"}}\n\n";
    }

    private static ResponseEntity<StreamingResponseBody> unavailable(String path) {
        String detail = "query service unavailable";
        String body = path.startsWith("/v1/")
                ? "{\"detail\":\"" + detail + "\",\"error\":{\"message\":\"" + detail
                + "\",\"type\":\"server_error\",\"code\":\"service_unavailable\"}}"
                : "{\"detail\":\"" + detail + "\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_JSON)
                .body(out -> out.write(bytes));
    }
}
