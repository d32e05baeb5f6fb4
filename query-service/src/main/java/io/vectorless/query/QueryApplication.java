package io.vectorless.query;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class QueryApplication {

    /** The service's configuration file is {@value #CONFIG_NAME}.yml, so all four services can share one classpath. */
    public static final String CONFIG_NAME = "query-service";

    public static void main(String[] args) {
        builder().run(args);
    }

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(QueryApplication.class).properties("spring.config.name=" + CONFIG_NAME);
    }
}
