package io.vectorless.gateway.documents.storage;

import io.vectorless.schema.store.StoreNames;
import io.vectorless.schema.EventJson;
import io.vectorless.schema.parsed.StructureReport;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import java.util.Optional;

/**
 * The {@code document_structures} collection: the structure report of each document's indexed version, as the
 * indexer's final status event carried it (the gateway never reads the indexer's collections).
 */
@Repository
public class StructureStore {
    static final String COLLECTION = StoreNames.DOCUMENT_STRUCTURES;
    private static final String VERSION = "version";
    private static final String REPORT = "report";

    private final MongoTemplate mongo;

    public StructureStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void save(long documentId, int version, StructureReport report) {
        Document record = new Document("_id", documentId).append(VERSION, version)
                .append(REPORT, Document.parse(EventJson.write(report)));
        mongo.getCollection(COLLECTION).replaceOne(new Document("_id", documentId), record,
                new com.mongodb.client.model.ReplaceOptions().upsert(true));
    }

    /** The report of {@code version}, if the indexer sent one for it. */
    public Optional<StructureReport> find(long documentId, int version) {
        Document record = mongo.findOne(Query.query(Criteria.where("_id").is(documentId).and(VERSION).is(version)),
                Document.class, COLLECTION);
        if (record == null || !(record.get(REPORT) instanceof Document report)) {
            return Optional.empty();
        }
        return Optional.of(EventJson.read(report.toJson(), StructureReport.class));
    }

    public void delete(long documentId) {
        mongo.remove(Query.query(Criteria.where("_id").is(documentId)), COLLECTION);
    }
}
