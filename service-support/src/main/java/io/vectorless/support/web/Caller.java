package io.vectorless.support.web;

import java.util.Objects;

/**
 * Who sent a request, as the API-key filter established it: the admin (the service key, {@code RAG_API_KEY}) or a
 * user whose own key the admin created. A user's requests are confined to the workspaces that user owns.
 *
 * @param username the user the key is bound to; {@code null} for the admin
 * @param keyId    the id of the user's key; {@code null} for the admin
 */
public record Caller(String username, String keyId) {
    /** The request attribute under which the filter leaves the caller. */
    public static final String ATTRIBUTE = Caller.class.getName();
    public static final Caller ADMIN = new Caller(null, null);

    public static Caller user(String username, String keyId) {
        return new Caller(Objects.requireNonNull(username, "username"), keyId);
    }

    public boolean admin() {
        return username == null;
    }

    /** True when this caller may act on something owned by {@code owner}. */
    public boolean mayAccess(String owner) {
        return admin() || username.equals(owner);
    }
}
