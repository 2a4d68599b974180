package io.casekit.spring.example;

import io.casekit.core.TenantId;
import io.casekit.spring.boot.autoconfigure.web.TenantResolver;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tenant of a request from a fixed table of tokens ({@code sample.tokens.*}), as a host with
 * tokens in its configuration would do it. Only the SHA-256 digests of the tokens are kept; a token
 * is compared with {@link MessageDigest#isEqual} (constant time) against every configured digest,
 * whatever matched, so that the time of an answer does not tell how much of a token was right (as
 * the reference host does, our decision). A real host resolves tokens from its identity provider
 * instead. Immutable and thread-safe.
 */
final class SampleTokenResolver implements TenantResolver {
    private final List<Grant> grants = new ArrayList<>();

    private record Grant(byte[] digest, TenantId tenant) { }

    /** @throws IllegalArgumentException when a tenant is not a valid tenant id, which stops the start */
    SampleTokenResolver(Map<String, String> tokens) {
        tokens.forEach((token, tenant) -> grants.add(new Grant(sha256(token), TenantId.of(tenant))));
    }

    @Override
    public Optional<TenantId> resolve(String accessToken) {
        byte[] presented = sha256(accessToken);
        TenantId found = null;
        for (Grant grant : grants) {
            if (MessageDigest.isEqual(grant.digest(), presented)) {
                found = grant.tenant();
            }
        }
        return Optional.ofNullable(found);
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
