package io.mli.servicekit.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Protects the inference paths with {@code X-Api-Key} when keys are configured ({@code MLI_API_KEYS}); everything
 * else (health, docs, metrics) stays open. Keys are compared in constant time.
 */
public final class ApiKeyFilter extends OncePerRequestFilter {
    public static final String HEADER = "X-Api-Key";
    private final List<byte[]> keys;
    private final List<String> protectedPrefixes;

    public ApiKeyFilter(List<String> keys, List<String> protectedPrefixes) {
        this.keys = keys.stream().map(String::trim).filter(k -> !k.isEmpty())
                .map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
        this.protectedPrefixes = List.copyOf(protectedPrefixes);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (keys.isEmpty()) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return protectedPrefixes.stream().noneMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        if (given == null || given.isBlank()) {
            Problems.write(response, request, HttpStatus.UNAUTHORIZED, "this API needs an " + HEADER + " header");
            return;
        }
        byte[] g = given.trim().getBytes(StandardCharsets.UTF_8);
        boolean ok = false;
        for (byte[] k : keys) {
            ok |= MessageDigest.isEqual(k, g);
        }
        if (!ok) {
            Problems.write(response, request, HttpStatus.UNAUTHORIZED, "the " + HEADER + " is not valid");
            return;
        }
        chain.doFilter(request, response);
    }
}
