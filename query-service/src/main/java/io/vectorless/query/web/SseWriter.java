package io.vectorless.query.web;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes server-sent events and flushes each one, so the client sees the answer as it is produced. When the client
 * has gone away, later writes are dropped quietly: the question still finishes, nothing is retried.
 */
final class SseWriter {
    private final OutputStream out;
    private final ObjectMapper json;
    private boolean gone;

    SseWriter(OutputStream out, ObjectMapper json) {
        this.out = out;
        this.json = json;
    }

    void data(Object payload) {
        try {
            raw(json.writeValueAsString(payload));
        } catch (IOException e) {
            gone = true;
        }
    }

    void done() {
        raw("[DONE]");
    }

    private void raw(String data) {
        if (gone) {
            return;
        }
        try {
            out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            gone = true;
        }
    }
}
