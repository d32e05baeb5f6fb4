package io.vectorless.gateway.domain;

import java.util.Arrays;
import java.util.Optional;

/** The embedding models a RAG index may be requested for (the batch API's enum, wire names as written there). */
public enum EmbeddingModel {
    E5_MISTRAL_7B_INSTRUCT("e5_mistral_7b_instruct"),
    MULTILINGUAL_E5_LARGE_INSTRUCT("multilingual_e5_large_instruct"),
    GEMINI_EMBEDDING_001("gemini-embedding-001");

    private final String wire;

    EmbeddingModel(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<EmbeddingModel> fromWire(String value) {
        return Arrays.stream(values()).filter(m -> m.wire.equals(value)).findFirst();
    }
}
