package io.vectorless.schema;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A workspace as an OpenAI model, {@code pageindex-ws-{id}}: the gateway lists the models and checks who may use
 * one, query-service answers them, and both read the name the same way here.
 */
public final class WorkspaceModels {
    public static final String PREFIX = "pageindex-ws-";
    private static final Pattern NAME = Pattern.compile(Pattern.quote(PREFIX) + "([0-9]{1,18})");

    private WorkspaceModels() {
    }

    public static String name(long workspaceId) {
        return PREFIX + workspaceId;
    }

    /** The workspace a model name stands for; empty for any other name (or none). */
    public static Optional<Long> workspaceId(String model) {
        Matcher m = NAME.matcher(model == null ? "" : model);
        return m.matches() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }
}
