package io.vectorless.query.config;

import io.vectorless.query.answer.QueryEngine;
import io.vectorless.query.storage.AnswerableDocuments;
import io.vectorless.query.storage.MongoQuerySource;
import io.vectorless.query.storage.SearchIndexStore;
import io.vectorless.core.llm.LlmClient;
import io.vectorless.support.storage.ObjectStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

@Configuration(proxyBeanMethods = false)
class QueryConfiguration {

    @Bean(destroyMethod = "close")
    SearchIndexStore searchIndexStore(ObjectStore objects, QueryProperties properties)
            throws IOException {
        // by default a directory of this process's own: a cache shared across runs on other data could hold an
        // index of another document under the same id and version
        Path dir = properties.indexCacheDir().isBlank()
                ? Files.createTempDirectory("vectorless-search-indexes-")
                : Files.createDirectories(Path.of(properties.indexCacheDir()));
        return new SearchIndexStore(objects, dir, properties.maxOpenIndexes(),
                properties.indexCacheDir().isBlank());
    }

    @Bean
    AnswerableDocuments answerableDocuments(MongoTemplate mongo) {
        return new AnswerableDocuments(mongo);
    }

    @Bean
    MongoQuerySource mongoQuerySource(AnswerableDocuments documents, ObjectStore objects, SearchIndexStore indexes) {
        return new MongoQuerySource(documents, objects, indexes);
    }

    /** Not an {@code Executor} bean: that would displace Boot's task executor, which serves streamed responses. */
    @Bean(destroyMethod = "close")
    TreeSearchPool treeSearchPool(QueryProperties properties) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "tree-search-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        return new TreeSearchPool(Executors.newFixedThreadPool(Math.max(1, properties.searchThreads()), threads));
    }

    @Bean
    QueryEngine queryEngine(MongoQuerySource source, LlmClient llm, QueryProperties p, TreeSearchPool pool) {
        return new QueryEngine(source, llm, new QueryEngine.Settings(p.maxDocs(), p.maxNodes(), p.routingCandidates(),
                p.maxContextChars(), p.maxImages(), p.maxOutlineChars(), p.historyTurns(), p.pageBudget()), pool.executor());
    }

    record TreeSearchPool(ExecutorService executor) {
        void close() {
            executor.shutdownNow();
        }
    }
}
