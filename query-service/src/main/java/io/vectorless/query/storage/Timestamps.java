package io.vectorless.query.storage;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;

/** Reads a stored creation time, whichever way it was written, as epoch seconds (0 when unknown). */
final class Timestamps {
    private Timestamps() {
    }

    static long epochSeconds(Object value) {
        if (value instanceof Date date) {
            return date.toInstant().getEpochSecond();
        }
        if (value instanceof Instant instant) {
            return instant.getEpochSecond();
        }
        if (value instanceof Number number) {
            long n = number.longValue();
            return n > 100_000_000_000L ? n / 1000 : n;
        }
        if (value instanceof String text && !text.isBlank()) {
            try {
                return OffsetDateTime.parse(text).toEpochSecond();
            } catch (RuntimeException e) {
                try {
                    return Instant.parse(text).getEpochSecond();
                } catch (RuntimeException ignored) {
                    return 0;
                }
            }
        }
        return 0;
    }
}
