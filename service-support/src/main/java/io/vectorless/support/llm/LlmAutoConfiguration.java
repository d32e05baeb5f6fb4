package io.vectorless.support.llm;

import io.vectorless.core.llm.LlmClient;
import io.vectorless.core.llm.DisabledLlmClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

@AutoConfiguration(afterName = "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration")
@EnableConfigurationProperties(LlmProperties.class)
public class LlmAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    LlmClient llmClient(LlmProperties properties, ObjectProvider<MeterRegistry> meters) {
        if (!properties.enabled()) {
            return new DisabledLlmClient();
        }
        return new OpenAiCompatibleLlmClient(properties, meters.getIfAvailable());
    }
}
