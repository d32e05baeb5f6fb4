package io.vectorless.gateway.support;

import io.vectorless.support.web.Caller;
import io.vectorless.support.web.UserKeyLookup;

import org.springframework.context.annotation.Primary;

import java.util.Optional;

/**
 * The keys a {@code @WebMvcTest} slice accepts: the admin key from the configuration, and {@link #USER_KEY}, which
 * belongs to user {@link #USER}. The API-key filter is the real one; only the key store behind it is this map.
 */
@Primary
public final class SliceKeys implements UserKeyLookup {
    public static final String USER_KEY = "user-key-of-alice";
    public static final String USER = "alice";

    @Override
    public Optional<Caller> find(String presentedKey) {
        return USER_KEY.equals(presentedKey) ? Optional.of(Caller.user(USER, "key-1")) : Optional.empty();
    }
}
