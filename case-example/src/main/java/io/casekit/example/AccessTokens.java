package io.casekit.example;

import io.casekit.core.TenantId;
import io.casekit.json.CaseJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;

/**
 * Which tenant each {@code access-token} opens. The tenant of a request comes from its token and
 * from nothing else. Immutable and thread-safe.
 *
 * <p>A presented token is compared with every configured one, each through the SHA-256 digests of
 * both and {@link MessageDigest#isEqual}, with no early exit: how long a look-up takes tells
 * nothing about how much of a token was right, nor which token matched. Tokens are kept as digests
 * only.
 */
public final class AccessTokens {
    /** The longest token accepted: far above any real one, low enough to bound the work per request. */
    public static final int MAX_TOKEN_LENGTH = 4096;

    private static final SecureRandom RANDOM = new SecureRandom();

    private record Grant(byte[] digest, TenantId tenant) {}

    private final List<Grant> grants;

    private AccessTokens(List<Grant> grants) {
        this.grants = List.copyOf(grants);
    }

    /**
     * @param tokenTenants each token and the tenant it opens
     * @throws IllegalArgumentException when there is no token, or one is empty, too long, or holds a
     *                                  character a header value can not carry (the message never
     *                                  repeats the token)
     */
    public static AccessTokens of(Map<String, TenantId> tokenTenants) {
        if (tokenTenants.isEmpty()) {
            throw new IllegalArgumentException("there must be at least one token");
        }
        List<Grant> grants = new ArrayList<>();
        int position = 0;
        for (Map.Entry<String, TenantId> e : tokenTenants.entrySet()) {
            position++;
            @Nullable String problem = problemOf(e.getKey());
            if (problem != null) {
                throw new IllegalArgumentException("token " + position + " (for tenant " + e.getValue() + ") "
                        + problem);
            }
            grants.add(new Grant(digest(e.getKey()), e.getValue()));
        }
        return new AccessTokens(grants);
    }

    /** One token for one tenant. */
    public static AccessTokens single(String token, TenantId tenant) {
        return of(Map.of(token, tenant));
    }

    /** A new random token: 32 bytes of a {@link SecureRandom}, base64url without padding (43 characters). */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Reads a tokens file {@code {"tokens":{"<access-token>":"<tenant>", …}}}.
     *
     * @throws StartupException saying what is wrong and where; never repeating a token
     */
    public static AccessTokens load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new StartupException("The tokens file " + file + " does not exist");
        } catch (IOException e) {
            throw new StartupException("The tokens file " + file + " can not be read: " + e.getMessage(), e);
        }
        JsonNode root;
        try {
            root = CaseJson.create().mapperBuilder().build().readTree(bytes);
        } catch (JacksonException e) {
            // The parser's message may quote the file, tokens included: only the place is reported.
            TokenStreamLocation at = e.getLocation();
            throw new StartupException("The tokens file " + file + " is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                    + "; it must be {\"tokens\":{\"<access-token>\":\"<tenant>\", ...}}");
        }
        try {
            return of(read(root));
        } catch (IllegalArgumentException e) {
            throw new StartupException("The tokens file " + file + " is wrong: " + e.getMessage()
                    + "; it must be {\"tokens\":{\"<access-token>\":\"<tenant>\", ...}}");
        }
    }

    private static Map<String, TenantId> read(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the document is not a JSON object");
        }
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            if (!e.getKey().equals("tokens")) {
                throw new IllegalArgumentException("unknown key '" + e.getKey() + "' at the top level");
            }
        }
        JsonNode tokens = root.get("tokens");
        if (tokens == null || !tokens.isObject()) {
            throw new IllegalArgumentException("\"tokens\" is missing or not an object");
        }
        Map<String, TenantId> tenants = new LinkedHashMap<>();
        int position = 0;
        for (Map.Entry<String, JsonNode> e : tokens.properties()) {
            position++;
            tenants.put(e.getKey(), tenant(e.getValue(), position));
        }
        return tenants;
    }

    private static TenantId tenant(JsonNode value, int position) {
        try {
            if (value.isString()) {
                return TenantId.of(value.stringValue());
            }
        } catch (IllegalArgumentException e) {
            // reported below, as for a value that is not a string
        }
        throw new IllegalArgumentException("the tenant of token " + position + " is not a tenant id (1 to "
                + TenantId.MAX_LENGTH + " ASCII letters, digits, - or _)");
    }

    /**
     * The tenant this token opens. Every configured token is compared, whatever the outcome.
     *
     * @param presented the {@code access-token} header's value
     */
    public Optional<TenantId> tenantOf(String presented) {
        if (presented.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        byte[] digest = digest(presented);
        @Nullable TenantId match = null;
        for (Grant grant : grants) {
            if (MessageDigest.isEqual(grant.digest, digest)) {
                match = grant.tenant;
            }
        }
        return Optional.ofNullable(match);
    }

    /** How many tokens there are. */
    public int size() {
        return grants.size();
    }

    /** The tenants, in the order of their tokens, each once. */
    public List<TenantId> tenants() {
        return grants.stream().map(Grant::tenant).distinct().toList();
    }

    private static @Nullable String problemOf(String token) {
        if (token.isEmpty()) {
            return "is empty";
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            return "is longer than " + MAX_TOKEN_LENGTH + " characters";
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            // Visible ASCII only: what an HTTP header value carries unchanged, with no space to be trimmed.
            if (c < 0x21 || c > 0x7E) {
                return "holds a character other than visible ASCII (position " + (i + 1) + ")";
            }
        }
        return null;
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
