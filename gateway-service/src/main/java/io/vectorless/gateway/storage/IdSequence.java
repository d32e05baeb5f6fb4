package io.vectorless.gateway.storage;

import io.vectorless.schema.store.StoreNames;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Integer ids as the API shows them, one counter per collection, atomically incremented in {@code counters}. */
@Component
public class IdSequence {
    private final MongoTemplate mongo;

    public IdSequence(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public long next(String sequence) {
        Document counter = mongo.findAndModify(Query.query(Criteria.where("_id").is(sequence)),
                new Update().inc("seq", 1L),
                FindAndModifyOptions.options().upsert(true).returnNew(true),
                Document.class, StoreNames.COUNTERS);
        if (counter == null) {
            throw new IllegalStateException("counter " + sequence + " was not created");
        }
        return ((Number) counter.get("seq")).longValue();
    }
}
