package io.vectorless.gateway.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * Where the gateway asks indexer-service for trees ({@code vectorless.gateway.indexer.*}): the indexer owns the
 * nodes and answers for the version the gateway holds live. {@code urls} is one address (a load-balanced service)
 * or several replicas, asked in turn until one answers. A tree is one MongoDB query for the indexer, so a short read
 * timeout is generous; when no replica answers in time the tree endpoints answer 503.
 */
@ConfigurationProperties("vectorless.gateway.indexer")
public record IndexerProperties(
        @DefaultValue("http://localhost:8082") List<String> urls,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout) {
}
