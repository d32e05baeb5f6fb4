package io.vectorless.support.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks {@code Authorization: Bearer <key>}, {@code x-api-key} or {@code xi-api-key}: the admin key in constant
 * time, then (where the service issues them) the users' keys. The caller it establishes is left in the request
 * attribute {@link Caller#ATTRIBUTE}. Every path but the open ones answers 401 {@code {"detail": ...}} without a
 * valid key; on the OpenAI-compatible paths the body also carries OpenAI's {@code error} object, so both kinds of
 * client read it. CORS preflight requests pass (browsers send them without credentials).
 *
 * <p>Open paths are matched against the path the container decoded and normalised (the one it routes by), not the
 * raw request line, so {@code /actuator/health/../prometheus} and encoded variants cannot slip past.
 */
public class ApiKeyAuthFilter extends OncePerRequestFilter {
    private final AuthProperties properties;
    private final byte[] expected;
    private final UserKeyLookup users;
    private final Set<String> exactOpen;
    private final List<PathPattern> patternOpen;

    public ApiKeyAuthFilter(AuthProperties properties) {
        this(properties, null);
    }

    public ApiKeyAuthFilter(AuthProperties properties, UserKeyLookup users) {
        this.properties = properties;
        this.expected = properties.apiKey().getBytes(StandardCharsets.UTF_8);
        this.users = users;
        this.exactOpen = properties.openPaths().stream().filter(p -> !isPattern(p)).collect(Collectors.toSet());
        this.patternOpen = properties.openPaths().stream().filter(ApiKeyAuthFilter::isPattern)
                .map(PathPatternParser.defaultInstance::parse).toList();
    }

    private static boolean isPattern(String path) {
        return path.contains("*") || path.contains("{");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (isOpen(routedPath(request))) {
            return true;
        }
        return HttpMethod.OPTIONS.matches(request.getMethod()) && request.getHeader("Origin") != null
                && request.getHeader("Access-Control-Request-Method") != null;
    }

    boolean isOpen(String path) {
        if (exactOpen.contains(path)) {
            return true;
        }
        for (String prefix : properties.openPrefixes()) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        PathContainer container = PathContainer.parsePath(path);
        return patternOpen.stream().anyMatch(pattern -> pattern.matches(container));
    }

    /** The decoded, normalised path within the application, as the servlet container mapped it. */
    static String routedPath(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        return path.isEmpty() ? "/" : path;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = presentedKey(request);
        if (presented == null) {
            reject(request, response, "Not authenticated: send 'Authorization: Bearer <API key>' or 'x-api-key'");
            return;
        }
        Optional<Caller> caller = MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8))
                ? Optional.of(Caller.ADMIN)
                : users == null ? Optional.empty() : users.find(presented);
        if (caller.isEmpty()) {
            reject(request, response, "Invalid API key");
            return;
        }
        if (!caller.get().admin() && routedPath(request).startsWith("/actuator")) {
            // metrics, logs and the healing endpoints are the operator's: a user key is confined to its workspaces
            reject(request, response, HttpServletResponse.SC_FORBIDDEN, "Operator endpoints need the admin key");
            return;
        }
        request.setAttribute(Caller.ATTRIBUTE, caller.get());
        chain.doFilter(request, response);
    }

    /** The caller the filter established; the admin where no filter ran (a service without authentication). */
    public static Caller callerOf(HttpServletRequest request) {
        Object caller = request.getAttribute(Caller.ATTRIBUTE);
        return caller instanceof Caller c ? c : Caller.ADMIN;
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
        response.setHeader("WWW-Authenticate", "Bearer");
        reject(request, response, HttpServletResponse.SC_UNAUTHORIZED, message);
    }

    private static void reject(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        String quoted = "\"" + message.replace("\"", "'") + "\"";
        String path = routedPath(request);
        boolean openAi = path.startsWith("/v1/chat") || path.startsWith("/v1/models");
        String body = openAi
                ? "{\"detail\":" + quoted + ",\"error\":{\"message\":" + quoted
                + ",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}"
                : "{\"detail\":" + quoted + "}";
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
