package io.vectorless.support.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/** Registers the API-key filter in services that set {@code vectorless.auth.enabled=true}. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(name = "vectorless.auth.enabled", havingValue = "true")
@EnableConfigurationProperties(AuthProperties.class)
public class AuthAutoConfiguration {
    private static final Logger log = LoggerFactory.getLogger(AuthAutoConfiguration.class);

    @Bean
    FilterRegistrationBean<ApiKeyAuthFilter> apiKeyAuthFilter(AuthProperties properties,
                                                              ObjectProvider<UserKeyLookup> users) {
        if (AuthProperties.DEFAULT_KEY.equals(properties.apiKey())) {
            log.warn("""

                    ************************************************************************
                    *  RAG_API_KEY is not set: the API accepts the public default key     *
                    *  '{}'. Set RAG_API_KEY before exposing this service.   *
                    ************************************************************************""",
                    AuthProperties.DEFAULT_KEY);
        }
        FilterRegistrationBean<ApiKeyAuthFilter> registration = new FilterRegistrationBean<>(new ApiKeyAuthFilter(properties,
                users.getIfAvailable()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
