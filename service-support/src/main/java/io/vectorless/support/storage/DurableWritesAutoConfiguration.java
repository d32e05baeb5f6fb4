package io.vectorless.support.storage;

import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Every service's MongoDB writes are acknowledged only once durable: write concern {@code majority} with the
 * journal, unless the connection string asks for something else. A service acknowledges an upload and commits a
 * Kafka offset only after such writes, so neither survives a crash that its writes did not.
 */
@AutoConfiguration(before = MongoAutoConfiguration.class)
@ConditionalOnClass(MongoClientSettings.class)
public class DurableWritesAutoConfiguration {
    public static final WriteConcern DURABLE = WriteConcern.MAJORITY.withJournal(true);

    @Bean
    DurableWriteConcern durableWriteConcern() {
        return new DurableWriteConcern();
    }

    /** Runs before Boot applies the connection string, so a {@code w=} or {@code journal=} there still wins. */
    static final class DurableWriteConcern implements MongoClientSettingsBuilderCustomizer, Ordered {
        @Override
        public void customize(MongoClientSettings.Builder settings) {
            settings.writeConcern(DURABLE);
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
