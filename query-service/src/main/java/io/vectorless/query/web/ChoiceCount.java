package io.vectorless.query.web;

import com.fasterxml.jackson.databind.JsonNode;

/** One answer per question: {@code n} may be absent or 1; anything else is refused rather than quietly ignored. */
final class ChoiceCount {
    private ChoiceCount() {
    }

    static void check(JsonNode n) {
        if (n == null || n.isNull()) {
            return;
        }
        if (!n.isIntegralNumber() || n.asLong() < 1) {
            throw ApiException.badParameter("n", "'n' must be a positive integer", "invalid_value");
        }
        if (n.asLong() != 1) {
            throw ApiException.badParameter("n", "Only one choice per request is supported: 'n' must be 1 (got "
                    + n.asLong() + ")", "unsupported_value");
        }
    }
}
