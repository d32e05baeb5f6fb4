package io.vectorless.support.llm;

/**
 * Kept so older call sites compile.
 *
 * @deprecated use {@link io.vectorless.core.llm.DisabledLlmClient}
 */
@Deprecated(forRemoval = true)
public class DisabledLlmClient extends io.vectorless.core.llm.DisabledLlmClient {
}
