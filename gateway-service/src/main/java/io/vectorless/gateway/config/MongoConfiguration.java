package io.vectorless.gateway.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.retry.support.RetryTemplate;

/** How the gateway's stores meet a concurrent writer. */
@Configuration
class MongoConfiguration {

    /**
     * A save over another writer's change ({@code @Version}) is tried again on fresh data, with a short random pause
     * so two writers that keep colliding fall out of step; after that the caller hears 409 and tries again itself.
     */
    @Bean
    RetryTemplate optimisticRetry() {
        return RetryTemplate.builder().maxAttempts(12).exponentialBackoff(5, 2.0, 200, true)
                .retryOn(OptimisticLockingFailureException.class).traversingCauses().build();
    }
}
