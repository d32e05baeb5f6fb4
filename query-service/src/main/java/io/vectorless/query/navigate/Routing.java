package io.vectorless.query.navigate;

import java.util.List;

/** Documents a question is routed to, best first, with why. */
public record Routing(List<DocumentCard> documents, String reasoning) {
    public Routing {
        documents = List.copyOf(documents);
    }
}
