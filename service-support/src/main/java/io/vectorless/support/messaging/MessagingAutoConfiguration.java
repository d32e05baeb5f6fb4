package io.vectorless.support.messaging;

import io.vectorless.core.failure.PermanentFailure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vectorless.schema.EventJson;
import io.vectorless.support.metrics.PipelineMeters;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.kafka.support.converter.RecordMessageConverter;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Topics as beans with explicit partitions, the event publisher, and the consumers' failure policy: bounded
 * exponential backoff, then the dead-letter topic and a {@code failed} status; permanent failures skip the retries.
 * Consumers' group membership ({@link ConsumerMembership}) is set here too.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnBean(KafkaTemplate.class)
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

    @Bean
    KafkaAdmin.NewTopics documentTopics(MessagingProperties properties) {
        MessagingProperties.TopicNames names = properties.topics();
        String[] all = {names.uploaded(), names.parsed(), names.status(), names.deleted(), names.edited()};
        NewTopic[] topics = new NewTopic[all.length * 2];
        for (int i = 0; i < all.length; i++) {
            topics[2 * i] = topic(all[i], properties);
            topics[2 * i + 1] = topic(all[i] + names.deadLetterSuffix(), properties);
        }
        return new KafkaAdmin.NewTopics(topics);
    }

    private static NewTopic topic(String name, MessagingProperties properties) {
        return TopicBuilder.name(name).partitions(properties.partitions()).replicas(properties.replicationFactor())
                .build();
    }

    @Bean
    @ConditionalOnMissingBean
    EventPublisher eventPublisher(KafkaTemplate<String, String> template, MessagingProperties properties) {
        return new EventPublisher(template, properties);
    }

    /** Boot's listener container factory picks this up, so listeners receive typed events. */
    @Bean
    @ConditionalOnMissingBean(RecordMessageConverter.class)
    EventMessageConverter eventMessageConverter() {
        return new EventMessageConverter();
    }

    @Bean
    ConsumerMembership consumerMembership(MessagingProperties properties) {
        return new ConsumerMembership(properties.membership());
    }

    @Bean
    StaticMembersRelease staticMembersRelease(ConsumerMembership membership, KafkaListenerEndpointRegistry registry,
                                              KafkaAdmin kafkaAdmin) {
        return new StaticMembersRelease(membership, registry, kafkaAdmin);
    }

    @Bean
    @ConditionalOnMissingBean(RecordInterceptor.class)
    DocumentLogContext documentLogContext() {
        return new DocumentLogContext();
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler documentErrorHandler(KafkaOperations<String, String> template, EventPublisher publisher,
                                             MessagingProperties properties, ObjectProvider<PipelineMeters> meters) {
        String suffix = properties.topics().deadLetterSuffix();
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(template,
                (record, ex) -> new TopicPartition(record.topic() + suffix, record.partition()));
        MessagingProperties.Retry retry = properties.retry();
        ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        backOff.setMaxAttempts(retry.attempts());
        DefaultErrorHandler handler = new DefaultErrorHandler(
                new FailedDocumentRecoverer(deadLetters, publisher, properties.serviceName(),
                        meters.getIfAvailable(() -> new PipelineMeters(new SimpleMeterRegistry()))), backOff);
        handler.addNotRetryableExceptions(PermanentFailure.class, EventJson.MalformedEventException.class,
                DeserializationException.class);
        return handler;
    }
}
