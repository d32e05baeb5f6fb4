package io.vectorless.support.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * API-key authentication ({@code vectorless.auth.*}). The default key is the spec's {@value #DEFAULT_KEY}; a service
 * warns loudly at start-up while it is in use. The web console's files, Swagger UI and the OpenAPI document are open:
 * they hold no data, and a browser cannot send a key before the console has asked for one.
 */
@ConfigurationProperties("vectorless.auth")
public record AuthProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue(AuthProperties.DEFAULT_KEY) String apiKey,
        @DefaultValue({"/health", "/", "/ui", "/favicon.ico"}) List<String> openPaths,
        @DefaultValue({"/actuator/health", "/actuator/info", "/actuator/prometheus", "/v3/api-docs", "/swagger-ui",
                "/ui/", "/webjars/"})
        List<String> openPrefixes) {

    public static final String DEFAULT_KEY = "pageindex-secret-key";
}
