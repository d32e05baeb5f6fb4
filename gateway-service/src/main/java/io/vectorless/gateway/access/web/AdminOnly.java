package io.vectorless.gateway.access.web;

import io.vectorless.gateway.domain.ApiException;
import io.vectorless.support.web.ApiKeyAuthFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Key management is the admin's alone. The check runs before the handler's arguments are bound and validated, so a
 * user key learns 403 from any request here, never what is wrong with a body it may not send.
 */
@Configuration(proxyBeanMethods = false)
class AdminOnly implements WebMvcConfigurer {
    static final String MESSAGE = "Only the admin key (RAG_API_KEY) can manage API keys";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (!ApiKeyAuthFilter.callerOf(request).admin()) {
                    throw new ApiException(403, MESSAGE);
                }
                return true;
            }
        }).addPathPatterns("/api/keys", "/api/keys/**");
    }
}
