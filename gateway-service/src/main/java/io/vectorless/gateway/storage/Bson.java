package io.vectorless.gateway.storage;

import org.bson.Document;

import java.time.Instant;
import java.util.Date;

/** Null-tolerant reads of loosely typed BSON fields (numbers may come back as int or long). */
final class Bson {
    private Bson() {
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    static Instant instant(Document d, String field) {
        Object value = d.get(field);
        return value instanceof Date date ? date.toInstant() : null;
    }

    static long longOf(Document d, String field) {
        Object value = d.get(field);
        return value instanceof Number n ? n.longValue() : 0L;
    }

    static Long longOrNull(Document d, String field) {
        Object value = d.get(field);
        return value instanceof Number n ? n.longValue() : null;
    }

    static int intOf(Document d, String field) {
        Object value = d.get(field);
        return value instanceof Number n ? n.intValue() : 0;
    }

    static Integer intOrNull(Document d, String field) {
        Object value = d.get(field);
        return value instanceof Number n ? n.intValue() : null;
    }

    static double doubleOf(Document d, String field) {
        Object value = d.get(field);
        return value instanceof Number n ? n.doubleValue() : 0.0;
    }

    static boolean bool(Document d, String field) {
        return Boolean.TRUE.equals(d.get(field));
    }
}
