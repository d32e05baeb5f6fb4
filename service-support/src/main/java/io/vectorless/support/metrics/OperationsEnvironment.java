package io.vectorless.support.metrics;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Operator switches every service shares, read from the environment before logging starts:
 * <ul>
 *   <li>{@code LOG_FORMAT=json}: one JSON object per log line (Elastic Common Schema, Spring Boot's structured
 *       logging) with {@code service.name}, trace and span ids and the document id from the MDC;</li>
 *   <li>{@code OTEL_EXPORTER_OTLP_ENDPOINT} (e.g. {@code http://collector:4318}): spans go there over OTLP/HTTP;
 *       unset, nothing is exported;</li>
 *   <li>every meter carries an {@code application} tag with the service's name.</li>
 * </ul>
 * These are defaults at the lowest precedence: a property set anywhere else wins.
 */
public class OperationsEnvironment implements EnvironmentPostProcessor {
    static final String SOURCE = "vectorlessOperations";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        String name = environment.getProperty("spring.application.name");
        if (name != null) {
            defaults.put("management.metrics.tags.application", name);
        }
        String format = environment.getProperty("LOG_FORMAT", "");
        if (format.trim().toLowerCase(Locale.ROOT).equals("json")) {
            defaults.put("logging.structured.format.console", "ecs");
            defaults.put("logging.structured.format.file", "ecs");
        }
        String otlp = environment.getProperty("OTEL_EXPORTER_OTLP_ENDPOINT", "").trim();
        if (!otlp.isEmpty()) {
            defaults.put("management.otlp.tracing.endpoint", tracesUrl(otlp));
        }
        if (!defaults.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE, defaults));
        }
    }

    /** OpenTelemetry's convention: the base endpoint, with the signal's path appended for OTLP/HTTP. */
    static String tracesUrl(String endpoint) {
        String base = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
        return base.endsWith("/v1/traces") ? base : base + "/v1/traces";
    }
}
