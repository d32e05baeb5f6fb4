package io.vectorless.gateway.web;

import io.vectorless.gateway.config.GatewayProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Browser chat UIs call the API from their own origin; {@code *} by default since every call needs the API key anyway.
 * Preflights get through the API-key filter without credentials, as browsers send them.
 */
@Configuration
class CorsConfiguration implements WebMvcConfigurer {
    private final GatewayProperties properties;

    CorsConfiguration(GatewayProperties properties) {
        this.properties = properties;
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        registry.addMapping("/**")
                .allowedOriginPatterns(properties.cors().allowedOrigins().toArray(String[]::new))
                .allowedMethods("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")
                .allowedHeaders("*")
                .exposedHeaders("Content-Type")
                .maxAge(3600);
    }
}
