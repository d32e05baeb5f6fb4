package io.vectorless.query.navigate;

/** An earlier chat message: role "user" or "assistant". */
public record Turn(String role, String content) {
    public boolean fromUser() {
        return "user".equals(role);
    }
}
