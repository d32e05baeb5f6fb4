package io.vectorless.gateway.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Where the gateway asks indexer-service for trees ({@code vectorless.gateway.indexer.*}): the indexer owns the
 * nodes and answers for the version the gateway holds live. A tree is read from MongoDB by the indexer in one query,
 * so a short read timeout is generous; past it the tree endpoints answer 503.
 */
@ConfigurationProperties("vectorless.gateway.indexer")
public record IndexerProperties(
        @DefaultValue("http://localhost:8082") String url,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout) {
}
