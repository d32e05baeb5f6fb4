package io.vectorless.support.storage;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class DurableWritesAutoConfigurationTest {
    private final ApplicationContextRunner services = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(DurableWritesAutoConfiguration.class, MongoAutoConfiguration.class));

    @Test
    void writesAreAcknowledgedByAMajorityAndJournaled() {
        services.withPropertyValues("spring.data.mongodb.uri=mongodb://127.0.0.1:1/vectorless").run(context ->
                assertThat(context.getBean(MongoClient.class).getDatabase("vectorless").getWriteConcern())
                        .isEqualTo(WriteConcern.MAJORITY.withJournal(true)));
    }

    @Test
    void aWriteConcernInTheConnectionStringWins() {
        services.withPropertyValues("spring.data.mongodb.uri=mongodb://127.0.0.1:1/vectorless?w=2").run(context ->
                assertThat(context.getBean(MongoClient.class).getDatabase("vectorless").getWriteConcern().getW())
                        .isEqualTo(2));
    }
}
