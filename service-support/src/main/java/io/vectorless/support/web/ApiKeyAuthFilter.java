package io.vectorless.support.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Checks {@code Authorization: Bearer <key>}, {@code x-api-key} or {@code xi-api-key} against the configured key in
 * constant time. Every path but the open ones answers 401 {@code {"detail": ...}} without a valid key; on the
 * OpenAI-compatible paths the body also carries OpenAI's {@code error} object, so both kinds of client read it.
 * CORS preflight requests pass (browsers send them without credentials).
 */
public class ApiKeyAuthFilter extends OncePerRequestFilter {
    private final AuthProperties properties;
    private final byte[] expected;

    public ApiKeyAuthFilter(AuthProperties properties) {
        this.properties = properties;
        this.expected = properties.apiKey().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (properties.openPaths().contains(path)) {
            return true;
        }
        for (String prefix : properties.openPrefixes()) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return HttpMethod.OPTIONS.matches(request.getMethod()) && request.getHeader("Origin") != null
                && request.getHeader("Access-Control-Request-Method") != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = presentedKey(request);
        if (presented == null) {
            reject(request, response, "Not authenticated: send 'Authorization: Bearer <RAG_API_KEY>' or 'x-api-key'");
            return;
        }
        if (!MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8))) {
            reject(request, response, "Invalid API key");
            return;
        }
        chain.doFilter(request, response);
    }

    static String presentedKey(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).trim();
            if (!token.isEmpty()) {
                return token;
            }
        }
        for (String header : new String[]{"x-api-key", "xi-api-key"}) {
            String value = request.getHeader(header);
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }

    private static void reject(HttpServletRequest request, HttpServletResponse response, String message)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType("application/json");
        response.setHeader("WWW-Authenticate", "Bearer");
        String quoted = "\"" + message.replace("\"", "'") + "\"";
        String path = request.getRequestURI();
        boolean openAi = path.startsWith("/v1/chat") || path.startsWith("/v1/models");
        String body = openAi
                ? "{\"detail\":" + quoted + ",\"error\":{\"message\":" + quoted
                + ",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}"
                : "{\"detail\":" + quoted + "}";
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
