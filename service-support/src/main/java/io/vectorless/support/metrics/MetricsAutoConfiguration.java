package io.vectorless.support.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The pipeline's meters ({@link PipelineMeters}) on the service's registry. */
@AutoConfiguration(afterName = "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration")
public class MetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PipelineMeters pipelineMeters(ObjectProvider<MeterRegistry> registry) {
        return new PipelineMeters(registry.getIfAvailable(SimpleMeterRegistry::new));
    }
}
