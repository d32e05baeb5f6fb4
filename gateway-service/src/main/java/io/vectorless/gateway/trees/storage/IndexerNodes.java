package io.vectorless.gateway.trees.storage;

import io.vectorless.gateway.config.IndexerProperties;
import io.vectorless.gateway.domain.ApiException;
import io.vectorless.schema.EventJson;
import io.vectorless.schema.store.NodeApi;
import io.vectorless.schema.store.StoredNode;
import io.vectorless.support.web.AuthProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The tree nodes, asked of indexer-service, which owns them ({@link NodeApi}), rather than read from its collection.
 * Every question names the version the gateway holds live, so an answer can never mix versions; a version the
 * indexer no longer has is an empty answer; an indexer that cannot answer is a 503 with a reason.
 */
@Component
public class IndexerNodes {
    private static final Logger log = LoggerFactory.getLogger(IndexerNodes.class);

    private final HttpClient client;
    private final List<String> baseUrls;
    private final Duration readTimeout;
    private final String serviceKey;

    public IndexerNodes(IndexerProperties properties, ObjectProvider<AuthProperties> auth) {
        this.client = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1).build();
        this.baseUrls = properties.urls().stream().map(String::strip).filter(url -> !url.isEmpty())
                .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url).toList();
        this.readTimeout = properties.readTimeout();
        AuthProperties authProperties = auth.getIfAvailable();
        // services call each other with the service key; the gateway has already checked what the caller may see
        this.serviceKey = authProperties == null || !authProperties.enabled() ? null : authProperties.apiKey();
    }

    /** Every node of one version in document order, without texts; empty when the version is gone. */
    public List<StoredNode> outline(long documentId, int version) {
        return ask(documentId, NodeApi.outline(documentId, version), StoredNode[].class).map(Arrays::asList)
                .orElse(List.of());
    }

    /** One node with its text and its children without theirs; empty when there is no such node. */
    public Optional<NodeApi.NodeDetail> node(long documentId, int version, String nodeId) {
        return ask(documentId, NodeApi.node(documentId, version, nodeId), NodeApi.NodeDetail.class);
    }

    /** Asks each replica in turn; the first answer counts (they share the nodes, so a 404 is everyone's). */
    private <T> Optional<T> ask(long documentId, String path, Class<T> type) {
        String failure = "no indexer address is configured";
        for (String baseUrl : baseUrls) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(readTimeout)
                    .header("Accept", "application/json").GET();
            if (serviceKey != null) {
                request.header("Authorization", "Bearer " + serviceKey);
            }
            try {
                HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() == 404) {
                    return Optional.empty();
                }
                if (response.statusCode() == 200) {
                    return Optional.of(EventJson.mapper().readValue(response.body(), type));
                }
                failure = baseUrl + " answered " + response.statusCode();
            } catch (IOException e) {
                failure = baseUrl + ": " + e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw unavailable(documentId, "interrupted");
            }
        }
        throw unavailable(documentId, failure);
    }

    private static ApiException unavailable(long documentId, String why) {
        log.warn("indexer-service could not answer for document {}: {}", documentId, why);
        return ApiException.unavailable("The tree cannot be read right now: indexer-service does not answer");
    }
}
