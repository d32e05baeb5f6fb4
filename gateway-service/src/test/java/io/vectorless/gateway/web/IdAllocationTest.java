package io.vectorless.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.vectorless.gateway.storage.IdSequence;
import io.vectorless.gateway.support.GatewayTestBase;
import io.vectorless.schema.store.StoreNames;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;

/** A document id is never handed out twice, even when the id counter is found behind the ids in use. */
class IdAllocationTest extends GatewayTestBase {
    @Autowired
    MongoTemplate mongo;
    @Autowired
    IdSequence ids;

    @Test
    void aCounterThatWentBackNeverRepeatsAnIdInUse() {
        long ws = workspace();
        JsonNode first = uploadText(ws, 500);
        long firstId = first.get("id").asLong();
        // what a store that lost its last writes would show: the counter behind the newest record
        setCounter(firstId - 1);

        JsonNode second = uploadText(ws, 501);

        assertThat(second.get("id").asLong()).isGreaterThan(firstId);
        JsonNode kept = http.get("/api/documents/" + firstId).json();
        assertThat(kept.get("file_hash").asText()).isEqualTo(first.get("file_hash").asText());
    }

    @Test
    void catchingUpLiftsTheCounterAboveEveryIdButNeverLowersIt() {
        long id = uploadText(workspace(), 502).get("id").asLong();
        setCounter(1);

        ids.catchUp("documents", StoreNames.DOCUMENTS);
        long lifted = counter();
        ids.catchUp("documents", StoreNames.DOCUMENTS);

        assertThat(lifted).isGreaterThanOrEqualTo(id);
        assertThat(counter()).isEqualTo(lifted);
        assertThat(ids.next("documents")).isGreaterThan(id);
    }

    private void setCounter(long value) {
        mongo.upsert(Query.query(Criteria.where("_id").is("documents")), new Update().set("seq", value),
                StoreNames.COUNTERS);
    }

    private long counter() {
        return ((Number) mongo.findById("documents", Document.class, StoreNames.COUNTERS).get("seq")).longValue();
    }
}
