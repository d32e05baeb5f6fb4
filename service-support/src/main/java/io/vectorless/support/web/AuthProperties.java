package io.vectorless.support.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * API-key authentication ({@code vectorless.auth.*}). The default key is the spec's {@value #DEFAULT_KEY}; a service
 * warns loudly at start-up while it is in use. Only health is open by default: every other actuator endpoint and the
 * API description need the key unless a service opens them on purpose (the gateway opens its console's files).
 *
 * @param openPaths    exact paths or path patterns ({@code /ui/**}) served without a key
 * @param openPrefixes path prefixes served without a key
 */
@ConfigurationProperties("vectorless.auth")
public record AuthProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue(AuthProperties.DEFAULT_KEY) String apiKey,
        @DefaultValue({"/health", "/"}) List<String> openPaths,
        @DefaultValue({"/actuator/health"}) List<String> openPrefixes) {

    public static final String DEFAULT_KEY = "pageindex-secret-key";
}
