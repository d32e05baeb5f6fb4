package io.vectorless.support.messaging;

import io.vectorless.schema.store.StoreNames;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.util.Date;

/**
 * A consumer's ledger of events it has fully applied, so a redelivered event is recognised and skipped. Writes are
 * idempotent on their own (upserts keyed by document and version); the ledger saves repeating expensive work.
 */
public class ProcessedEvents {
    private final MongoTemplate mongo;
    private final String collection;

    public ProcessedEvents(MongoTemplate mongo, String serviceName) {
        this.mongo = mongo;
        this.collection = StoreNames.processedEvents(serviceName);
    }

    public boolean alreadyProcessed(String eventId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(eventId)), collection);
    }

    public void markProcessed(String eventId) {
        try {
            mongo.insert(new Document("_id", eventId).append("at", new Date()), collection);
        } catch (DuplicateKeyException alreadyThere) {
            // a redelivery raced us: the event is recorded either way
        }
    }
}
