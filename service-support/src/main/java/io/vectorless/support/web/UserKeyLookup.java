package io.vectorless.support.web;

import java.util.Optional;

/**
 * Finds the user a presented API key belongs to. A service that issues per-user keys provides one bean of this
 * type; without it only the admin key is accepted.
 */
public interface UserKeyLookup {
    Optional<Caller> find(String presentedKey);
}
