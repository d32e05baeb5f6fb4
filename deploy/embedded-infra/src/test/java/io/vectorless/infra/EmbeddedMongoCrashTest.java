package io.vectorless.infra;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every write the embedded MongoDB acknowledged is still there after the process is killed with SIGKILL right after
 * the acknowledgement, and an id counter never goes back.
 */
class EmbeddedMongoCrashTest {

    @Test
    void acknowledgedWritesAndCountersSurviveKillMinus9(@TempDir Path data) throws Exception {
        List<Long> acknowledged = new ArrayList<>();
        long lastCounter = 0;
        try (MongoChildProcess child = MongoChildProcess.start(data)) {
            try (MongoClient client = MongoClients.create(child.uri())) {
                MongoCollection<Document> counters = client.getDatabase("vectorless").getCollection("counters");
                MongoCollection<Document> documents = client.getDatabase("vectorless").getCollection("documents");
                for (int i = 0; i < 40; i++) {
                    Document counter = counters.findOneAndUpdate(eq("_id", "documents"), Updates.inc("seq", 1L),
                            new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
                    lastCounter = counter.getLong("seq");
                    documents.insertOne(new Document("_id", lastCounter).append("title", "document " + lastCounter));
                    acknowledged.add(lastCounter);
                }
                documents.updateOne(eq("_id", 1L), Updates.set("status", "indexed"));
            }
            child.kill();
        }

        try (MongoChildProcess restarted = MongoChildProcess.start(data);
             MongoClient client = MongoClients.create(restarted.uri())) {
            var db = client.getDatabase("vectorless");
            List<Long> found = new ArrayList<>();
            db.getCollection("documents").find().forEach(d -> found.add(((Number) d.get("_id")).longValue()));
            assertThat(found).containsExactlyInAnyOrderElementsOf(acknowledged);
            assertThat(db.getCollection("documents").find(eq("_id", 1L)).first().getString("status"))
                    .isEqualTo("indexed");
            assertThat(db.getCollection("counters").find(eq("_id", "documents")).first().getLong("seq"))
                    .isEqualTo(lastCounter);
        }
    }
}
