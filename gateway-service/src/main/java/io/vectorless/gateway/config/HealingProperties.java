package io.vectorless.gateway.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the gateway heals its own state ({@code vectorless.gateway.healing.*}).
 *
 * @param replayOnStartup  rebuild the status projection from {@code document.status} at start-up
 * @param replayWindow     how far back the start-up replay reads (the on-demand one can reach further)
 * @param maxQueueWait     a document still waiting in a queue is not stalled, up to this long (then it is)
 * @param ingestGroup      the consumer group that takes {@code document.uploaded}
 * @param indexerGroup     the consumer group that takes {@code document.parsed}
 * @param orphanSweepInterval how often objects that belong to no live document version are removed (0: never)
 * @param orphanMinAge     objects younger than this are never swept: an upload or a run may still be writing them
 */
@ConfigurationProperties("vectorless.gateway.healing")
public record HealingProperties(
        @DefaultValue("true") boolean replayOnStartup,
        @DefaultValue("24h") Duration replayWindow,
        @DefaultValue("6h") Duration maxQueueWait,
        @DefaultValue("ingest-service") String ingestGroup,
        @DefaultValue("indexer-service") String indexerGroup,
        @DefaultValue("1h") Duration orphanSweepInterval,
        @DefaultValue("1h") Duration orphanMinAge) {
}
