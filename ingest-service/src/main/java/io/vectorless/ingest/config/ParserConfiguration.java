package io.vectorless.ingest.config;

import io.vectorless.ingest.parse.DocumentParser;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ParserConfiguration {

    @Bean(destroyMethod = "close")
    DocumentParser documentParser(IngestProperties properties) {
        return new DocumentParser(properties.toParseLimits(), properties.ocr().toSettings());
    }
}
