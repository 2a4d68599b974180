package io.casekit.core.service;

import io.casekit.core.CaseId;
import io.casekit.core.TenantId;
import java.security.SecureRandom;

/** Chooses the id of a case created without one. Implementations must be thread-safe. */
@FunctionalInterface
public interface CaseIdGenerator {

    CaseId next(TenantId tenant);

    /** 20 characters of {@code [0-9A-Za-z]} from a {@link SecureRandom}: about 119 bits. */
    static CaseIdGenerator secureRandom() {
        return new SecureRandomIds(new SecureRandom());
    }

    /** The default generator, drawing from {@code random}. */
    final class SecureRandomIds implements CaseIdGenerator {
        private static final char[] ALPHABET =
                "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
        private final SecureRandom random;

        public SecureRandomIds(SecureRandom random) {
            this.random = random;
        }

        @Override
        public CaseId next(TenantId tenant) {
            char[] id = new char[CaseId.MAX_LENGTH];
            for (int i = 0; i < id.length; i++) {
                id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
            }
            return new CaseId(new String(id));
        }
    }
}
