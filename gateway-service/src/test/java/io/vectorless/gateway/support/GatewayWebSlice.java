package io.vectorless.gateway.support;

import io.vectorless.gateway.config.GatewayProperties;
import io.vectorless.support.web.AuthAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@code @WebMvcTest} of some gateway controllers with the gateway's real web layer around them: its
 * configuration file, error handler, argument binding and the API-key filter (with {@link SliceKeys} as key store).
 * No Kafka, MongoDB or S3: for HTTP contracts (validation, error shapes, auth) that need none of them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest(properties = "spring.config.name=gateway-service")
@ImportAutoConfiguration(AuthAutoConfiguration.class)
@EnableConfigurationProperties(GatewayProperties.class)
@Import(SliceKeys.class)
public @interface GatewayWebSlice {
    /** The controllers under test. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value();
}
