package io.vectorless.infra;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.util.HashMap;
import java.util.Map;

/**
 * Points a Spring test context at the shared test infrastructure:
 * {@code @ContextConfiguration(initializers = EmbeddedInfraInitializer.class)}.
 */
public class EmbeddedInfraInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> properties = new HashMap<>(TestInfrastructure.shared().springProperties());
        properties.put("vectorless.kafka.partitions", "4");
        properties.put("vectorless.kafka.retry.initial-interval", "100ms");
        properties.put("vectorless.kafka.retry.max-interval", "500ms");
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("embedded-infra", properties));
    }
}
