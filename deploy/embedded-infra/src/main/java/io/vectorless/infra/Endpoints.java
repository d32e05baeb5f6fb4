package io.vectorless.infra;

import java.util.LinkedHashMap;
import java.util.Map;

/** Where the running infrastructure can be reached. */
public record Endpoints(String kafkaBootstrapServers, String mongoUri, String s3Endpoint, String s3AccessKey,
                        String s3SecretKey) {

    /** The Spring properties that point a service at these servers. */
    public Map<String, String> springProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.kafka.bootstrap-servers", kafkaBootstrapServers);
        properties.put("spring.data.mongodb.uri", mongoUri);
        properties.put("vectorless.s3.endpoint", s3Endpoint);
        properties.put("vectorless.s3.access-key", s3AccessKey);
        properties.put("vectorless.s3.secret-key", s3SecretKey);
        return properties;
    }

    /** The same as environment variables, as the services' configuration reads them. */
    public Map<String, String> environment() {
        return Map.of("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers, "MONGODB_URI", mongoUri,
                "S3_ENDPOINT", s3Endpoint, "S3_ACCESS_KEY", s3AccessKey, "S3_SECRET_KEY", s3SecretKey);
    }
}
