package io.vectorless.gateway.domain;

import java.time.Instant;

/**
 * One user API key as stored: never the key itself, only its SHA-256, and the first characters so a person can
 * tell keys apart.
 */
public record ApiKeyRecord(String id, String username, String name, String hash, String prefix, Instant createdAt) {
}
