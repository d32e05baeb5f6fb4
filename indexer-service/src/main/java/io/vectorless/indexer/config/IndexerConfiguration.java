package io.vectorless.indexer.config;

import io.vectorless.indexer.storage.NodeStore;
import io.vectorless.indexer.summary.LlmSummarizer;
import io.vectorless.indexer.tree.TreeBuilder;
import io.vectorless.core.llm.LlmClient;
import io.vectorless.support.llm.LlmProperties;
import io.vectorless.support.messaging.ProcessedEvents;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Wires the plain-Java core (tree builder, summarizer) to the service's settings and adapters. */
@Configuration(proxyBeanMethods = false)
class IndexerConfiguration {
    static final String SERVICE_NAME = "indexer-service";

    @Bean
    TreeBuilder treeBuilder(IndexerProperties properties) {
        return new TreeBuilder(properties.tree().toOptions());
    }

    @Bean
    LlmSummarizer llmSummarizer(LlmClient llm, LlmProperties llmProperties, IndexerProperties properties) {
        String model = llmProperties.enabled() ? llmProperties.summaryModelOrDefault() : null;
        return new LlmSummarizer(llm, properties.summary().toOptions(model));
    }

    @Bean
    ProcessedEvents processedEvents(MongoTemplate mongo) {
        return new ProcessedEvents(mongo, SERVICE_NAME);
    }

    @Bean
    ApplicationRunner nodeIndexes(NodeStore nodes) {
        return args -> nodes.ensureIndexes();
    }
}
