package io.vectorless.gateway.documents.storage;

import io.vectorless.schema.store.StoreFields.Document;
import io.vectorless.schema.store.StoreNames;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.stereotype.Repository;

import java.util.LinkedHashMap;
import java.util.Map;

/** How many documents are in each status right now: one {@code $group} over {@code documents}. */
@Repository
public class DocumentStatusCounts {
    private final MongoTemplate mongo;

    public DocumentStatusCounts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Map<String, Long> byStatus() {
        Map<String, Long> counts = new LinkedHashMap<>();
        Aggregation count = Aggregation.newAggregation(Aggregation.group(Document.STATUS).count().as("count"));
        for (org.bson.Document row : mongo.aggregate(count, StoreNames.DOCUMENTS, org.bson.Document.class)) {
            Object status = row.get("_id");
            if (status != null && row.get("count") instanceof Number n) {
                counts.merge(status.toString().toLowerCase(java.util.Locale.ROOT), n.longValue(), Long::sum);
            }
        }
        return counts;
    }
}
