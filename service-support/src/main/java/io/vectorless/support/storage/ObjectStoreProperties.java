package io.vectorless.support.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where the S3-compatible object storage is ({@code vectorless.s3.*}). */
@ConfigurationProperties("vectorless.s3")
public record ObjectStoreProperties(
        @DefaultValue("http://localhost:9000") String endpoint,
        @DefaultValue("vectorless") String accessKey,
        @DefaultValue("vectorless-secret") String secretKey,
        @DefaultValue("vectorless") String bucket,
        @DefaultValue("us-east-1") String region) {
}
