package io.vectorless.support.health;

import io.vectorless.support.messaging.ConsumerMembership;
import io.vectorless.support.messaging.MessagingAutoConfiguration;
import io.vectorless.support.storage.ObjectStore;
import io.vectorless.support.storage.ObjectStoreAutoConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.data.mongo.MongoHealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;

import java.time.Duration;

/**
 * Health indicators with real checks of every dependency a service has: {@code kafka}, {@code mongo} (replacing
 * Spring Boot's, see {@link MongoPingHealthIndicator}), {@code objectStorage} and {@code kafkaConsumers}. Each
 * service's readiness group includes the ones it depends on, so readiness is DOWN while one of them is down.
 */
@AutoConfiguration(after = {KafkaAutoConfiguration.class, MongoDataAutoConfiguration.class,
        ObjectStoreAutoConfiguration.class, MessagingAutoConfiguration.class},
        before = MongoHealthContributorAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
public class DependencyHealthAutoConfiguration {

    @Bean
    @ConditionalOnBean(KafkaAdmin.class)
    @ConditionalOnEnabledHealthIndicator("kafka")
    HealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin,
                                         @Value("${vectorless.health.timeout:3s}") Duration timeout) {
        return new KafkaHealthIndicator(kafkaAdmin, timeout);
    }

    @Bean
    @ConditionalOnBean(MongoTemplate.class)
    @ConditionalOnEnabledHealthIndicator("mongo")
    HealthIndicator mongoHealthIndicator(MongoTemplate mongo,
                                         @Value("${vectorless.health.timeout:3s}") Duration timeout) {
        return new MongoPingHealthIndicator(mongo, timeout);
    }

    @Bean
    @ConditionalOnBean(ObjectStore.class)
    @ConditionalOnEnabledHealthIndicator("objectStorage")
    HealthIndicator objectStorageHealthIndicator(ObjectStore store,
                                                 @Value("${vectorless.health.timeout:3s}") Duration timeout) {
        return new ObjectStorageHealthIndicator(store, timeout);
    }

    @Bean
    @ConditionalOnBean(ConsumerMembership.class)
    @ConditionalOnEnabledHealthIndicator("kafkaConsumers")
    HealthIndicator kafkaConsumersHealthIndicator(ConsumerMembership membership,
                                                  KafkaListenerEndpointRegistry registry) {
        return new KafkaConsumersHealthIndicator(membership, registry);
    }
}
