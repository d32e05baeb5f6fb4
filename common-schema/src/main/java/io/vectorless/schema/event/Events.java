package io.vectorless.schema.event;

import java.util.UUID;

/** Small helpers shared by the event records. */
public final class Events {
    private Events() {
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }
}
