package io.vectorless.gateway.storage;

import io.vectorless.schema.store.StoreNames;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Integer ids as the API shows them, one counter per collection, atomically incremented in {@code counters}. An id
 * is never handed out twice: the increment is an acknowledged (durable) write before the id is used, records are
 * inserted under the id as their unique {@code _id}, and {@link #catchUp} lifts a counter above every id already in
 * use, so even a counter restored from an older backup cannot repeat one.
 */
@Component
public class IdSequence {
    private static final String SEQ = "seq";
    private final MongoTemplate mongo;

    public IdSequence(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public long next(String sequence) {
        Document counter = mongo.findAndModify(Query.query(Criteria.where("_id").is(sequence)),
                new Update().inc(SEQ, 1L),
                FindAndModifyOptions.options().upsert(true).returnNew(true),
                Document.class, StoreNames.COUNTERS);
        if (counter == null) {
            throw new IllegalStateException("counter " + sequence + " was not created");
        }
        return ((Number) counter.get(SEQ)).longValue();
    }

    /** Lifts the counter to at least the highest {@code _id} in {@code collection}; never lowers it. */
    public void catchUp(String sequence, String collection) {
        Document top = mongo.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(1), Document.class,
                collection);
        if (top != null && top.get("_id") instanceof Number highest) {
            mongo.upsert(Query.query(Criteria.where("_id").is(sequence)), new Update().max(SEQ, highest.longValue()),
                    StoreNames.COUNTERS);
        }
    }
}
