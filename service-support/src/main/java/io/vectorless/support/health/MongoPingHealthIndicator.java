package io.vectorless.support.health;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.util.Map;

/**
 * MongoDB is up when it answers {@code ping}. Spring Boot's own indicator sends {@code hello}, which the embedded
 * wire server does not know (so it said DOWN there); {@code ping} is answered by every MongoDB and by the embedded one.
 */
class MongoPingHealthIndicator extends TimeLimitedHealthIndicator {
    private final MongoTemplate mongo;

    MongoPingHealthIndicator(MongoTemplate mongo, Duration timeout) {
        super(timeout);
        this.mongo = mongo;
    }

    @Override
    protected Map<String, Object> check() {
        Document answer = mongo.executeCommand(new Document("ping", 1));
        Object ok = answer.get("ok");
        if (!(ok instanceof Number number) || number.doubleValue() != 1.0) {
            throw new IllegalStateException("ping answered " + answer.toJson());
        }
        return Map.of("database", mongo.getDb().getName());
    }

    @Override
    protected String what() {
        return "MongoDB";
    }
}
