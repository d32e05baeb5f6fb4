package io.vectorless.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vectorless.gateway.access.WorkspaceAccess;
import io.vectorless.gateway.domain.ApiException;
import io.vectorless.support.web.Caller;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway's check of a chat call before it goes to query-service, which trusts the gateway: the workspace a
 * question names must be one the caller may see (404 otherwise, as for a workspace that does not exist), a user key
 * asks as its own user, and {@code workspace_id} is a plain integer for everyone.
 */
@Component
class ChatScope {
    static final String MODEL_PREFIX = "pageindex-ws-";
    private static final Pattern MODEL = Pattern.compile(Pattern.quote(MODEL_PREFIX) + "([0-9]{1,18})");

    private final WorkspaceAccess access;
    private final ObjectMapper json;

    ChatScope(WorkspaceAccess access, ObjectMapper json) {
        this.access = access;
        this.json = json;
    }

    /** The body to forward for {@code /api/chat/query}; 400, 403 or 404 as an {@link ApiException}. */
    byte[] chatQuery(Caller caller, byte[] body) {
        JsonNode parsed = parse(body);
        if (!(parsed instanceof ObjectNode request)) {
            if (caller.admin()) {
                return body; // query-service explains what is wrong with it
            }
            throw ApiException.badRequest("The request body must be a JSON object");
        }
        JsonNode workspace = request.get("workspace_id");
        Long workspaceId = workspaceId(workspace);
        JsonNode username = request.get("username");
        String named = username != null && username.isTextual() ? username.asText() : null;
        String acting = WorkspaceAccess.actingUser(caller, "username", named, null);
        if (workspaceId != null) {
            access.workspace(caller, workspaceId); // query-service keeps no workspaces: the check is here only
        }
        if (caller.admin()) {
            return body;
        }
        if (workspaceId == null) {
            throw ApiException.badRequest("workspace_id is required");
        }
        request.put("username", acting);
        try {
            return json.writeValueAsBytes(request);
        } catch (IOException e) {
            throw new IllegalStateException("a parsed body is always writable", e);
        }
    }

    /**
     * Whether the model of a {@code /v1/chat/completions} body names a workspace that exists and the caller may see;
     * query-service keeps no workspaces, so this is the only check.
     */
    boolean mayUseModel(Caller caller, byte[] body) {
        JsonNode parsed = parse(body);
        if (parsed == null || !parsed.path("model").isTextual()) {
            return true; // no model named: query-service answers 400 without touching any workspace
        }
        Matcher m = MODEL.matcher(parsed.path("model").asText());
        return m.matches() && access.canSeeWorkspace(caller, Long.parseLong(m.group(1)));
    }

    private static Long workspaceId(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.asLong();
        }
        if (value.isTextual() && RequestBinding.isStrictInteger(value.asText())) {
            return Long.parseLong(value.asText());
        }
        throw ApiException.badRequest("'workspace_id' must be a whole number written with digits only, got "
                + abbreviate(value.toString()));
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    private JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
