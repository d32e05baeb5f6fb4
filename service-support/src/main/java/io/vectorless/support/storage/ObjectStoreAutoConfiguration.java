package io.vectorless.support.storage;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

@AutoConfiguration
@EnableConfigurationProperties(ObjectStoreProperties.class)
public class ObjectStoreAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ObjectStore objectStore(ObjectStoreProperties properties) {
        return new ObjectStore(properties);
    }
}
