package io.vectorless.infra;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedInfrastructureTest {

    @Test
    void mongoDocumentsAndStoredObjectsSurviveARestart(@TempDir Path data) throws Exception {
        try (EmbeddedInfrastructure first = EmbeddedInfrastructure.start(EmbeddedInfrastructure.Options.forTests(data))) {
            Endpoints endpoints = first.endpoints();
            try (MongoClient mongo = MongoClients.create(endpoints.mongoUri())) {
                mongo.getDatabase("vectorless").getCollection("documents").insertOne(new Document("_id", 1L).append("title", "kept"));
            }
            MinioClient s3 = s3(endpoints);
            s3.makeBucket(MakeBucketArgs.builder().bucket("vectorless").build());
            byte[] bytes = "original bytes".getBytes(StandardCharsets.UTF_8);
            s3.putObject(PutObjectArgs.builder().bucket("vectorless").object("ws/1/doc/1/v1/original")
                    .stream(new ByteArrayInputStream(bytes), bytes.length, -1).build());
        }
        try (EmbeddedInfrastructure second = EmbeddedInfrastructure.start(EmbeddedInfrastructure.Options.forTests(data))) {
            Endpoints endpoints = second.endpoints();
            try (MongoClient mongo = MongoClients.create(endpoints.mongoUri())) {
                Document found = mongo.getDatabase("vectorless").getCollection("documents").find(new Document("_id", 1L)).first();
                assertThat(found).isNotNull();
                assertThat(found.getString("title")).isEqualTo("kept");
            }
            MinioClient s3 = s3(endpoints);
            assertThat(s3.bucketExists(BucketExistsArgs.builder().bucket("vectorless").build())).isTrue();
            try (InputStream in = s3.getObject(GetObjectArgs.builder().bucket("vectorless").object("ws/1/doc/1/v1/original").build())) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("original bytes");
            }
        }
    }

    @Test
    void kafkaDeliversWhatWasProduced() {
        Endpoints endpoints = TestInfrastructure.shared();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", endpoints.kafkaBootstrapServers()),
                new StringSerializer(), new StringSerializer());
             KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", endpoints.kafkaBootstrapServers(),
                     "group.id", "infra-test", "auto.offset.reset", "earliest"), new StringDeserializer(), new StringDeserializer())) {
            producer.send(new ProducerRecord<>("infra.smoke", "7", "hello")).get();
            consumer.subscribe(List.of("infra.smoke"));
            String value = null;
            for (int i = 0; i < 40 && value == null; i++) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    value = records.iterator().next().value();
                }
            }
            assertThat(value).isEqualTo("hello");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static MinioClient s3(Endpoints endpoints) {
        return MinioClient.builder().endpoint(endpoints.s3Endpoint()).credentials(endpoints.s3AccessKey(), endpoints.s3SecretKey()).build();
    }
}
