package io.vectorless.support.metrics;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OperationsEnvironmentTest {

    private static StandardEnvironment environment(Map<String, Object> values) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", values));
        new OperationsEnvironment().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void jsonLogsAndTraceExportOnlyWhenAskedFor() {
        StandardEnvironment plain = environment(Map.of("spring.application.name", "indexer-service"));
        assertThat(plain.getProperty("logging.structured.format.console")).isNull();
        assertThat(plain.getProperty("management.otlp.tracing.endpoint")).isNull();
        assertThat(plain.getProperty("management.metrics.tags.application")).isEqualTo("indexer-service");

        StandardEnvironment switched = environment(Map.of("spring.application.name", "ingest-service",
                "LOG_FORMAT", "JSON", "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318/"));
        assertThat(switched.getProperty("logging.structured.format.console")).isEqualTo("ecs");
        assertThat(switched.getProperty("management.otlp.tracing.endpoint"))
                .isEqualTo("http://collector:4318/v1/traces");
    }

    @Test
    void settingsMadeElsewhereWin() {
        StandardEnvironment environment = environment(Map.of("LOG_FORMAT", "json",
                "logging.structured.format.console", "logstash",
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318/v1/traces"));
        assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("logstash");
        assertThat(environment.getProperty("management.otlp.tracing.endpoint"))
                .isEqualTo("http://collector:4318/v1/traces");
    }
}
