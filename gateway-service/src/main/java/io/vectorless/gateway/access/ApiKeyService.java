package io.vectorless.gateway.access;

import io.vectorless.gateway.domain.ApiException;
import io.vectorless.gateway.domain.ApiKeyRecord;
import io.vectorless.gateway.domain.FieldLimits;
import io.vectorless.gateway.access.storage.ApiKeyStore;
import io.vectorless.support.web.Caller;
import io.vectorless.support.web.UserKeyLookup;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Per-user API keys, created and revoked by the admin. A key is 256 random bits, shown once when it is created;
 * only its SHA-256 is stored (a hash of a key that long needs no salt or slow hashing: it cannot be guessed), so a
 * copy of the database lets no one in.
 */
@Service
public class ApiKeyService implements UserKeyLookup {
    static final String KEY_PREFIX = "vl-";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiKeyStore keys;

    public ApiKeyService(ApiKeyStore keys) {
        this.keys = keys;
    }

    /** A new key and the only moment its plain text exists outside the client. */
    public record Created(ApiKeyRecord record, String key) {
    }

    public Created create(String username, String name) {
        if (username == null || username.isBlank()) {
            throw ApiException.badRequest("'username' is required: the user the key acts for");
        }
        FieldLimits.username("username", username);
        FieldLimits.check("name", name, FieldLimits.KEY_NAME);
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        byte[] idBytes = new byte[8];
        RANDOM.nextBytes(idBytes);
        ApiKeyRecord record = new ApiKeyRecord("key_" + HexFormat.of().formatHex(idBytes), username.strip(),
                name == null ? "" : name.strip(), sha256(key), key.substring(0, KEY_PREFIX.length() + 6),
                Instant.now());
        keys.insert(record);
        return new Created(record, key);
    }

    public List<ApiKeyRecord> list(String username) {
        return keys.list(username == null || username.isBlank() ? null : username.strip());
    }

    public void delete(String id) {
        if (!keys.delete(id)) {
            throw ApiException.notFound("API key " + id + " not found");
        }
    }

    @Override
    public Optional<Caller> find(String presentedKey) {
        if (presentedKey == null || !presentedKey.startsWith(KEY_PREFIX) || presentedKey.length() > 100) {
            return Optional.empty();
        }
        return keys.findByHash(sha256(presentedKey)).map(record -> Caller.user(record.username(), record.id()));
    }

    static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
