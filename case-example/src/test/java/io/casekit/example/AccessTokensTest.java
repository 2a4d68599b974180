package io.casekit.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casekit.core.TenantId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccessTokensTest {
    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId GLOBEX = TenantId.of("globex");

    @TempDir
    Path folder;

    @Test
    void eachTokenOpensItsOwnTenantAndNoOther() {
        Map<String, TenantId> grants = new LinkedHashMap<>();
        grants.put("acme-token-1", ACME);
        grants.put("acme-token-2", ACME);
        grants.put("globex-token", GLOBEX);
        AccessTokens tokens = AccessTokens.of(grants);

        assertThat(tokens.tenantOf("acme-token-1")).contains(ACME);
        assertThat(tokens.tenantOf("acme-token-2")).contains(ACME);
        assertThat(tokens.tenantOf("globex-token")).contains(GLOBEX);
        assertThat(tokens.tenantOf("acme-token-")).isEmpty();
        assertThat(tokens.tenantOf("acme-token-11")).isEmpty();
        assertThat(tokens.tenantOf("ACME-TOKEN-1")).isEmpty();
        assertThat(tokens.tenantOf("")).isEmpty();
        assertThat(tokens.tenantOf("x".repeat(AccessTokens.MAX_TOKEN_LENGTH + 1))).isEmpty();
        assertThat(tokens.size()).isEqualTo(3);
        assertThat(tokens.tenants()).containsExactly(ACME, GLOBEX);
    }

    @Test
    void newTokensAreLongRandomAndSendableInAHeader() {
        String one = AccessTokens.newToken();
        String two = AccessTokens.newToken();

        assertThat(one).matches("[A-Za-z0-9_-]{43}");
        assertThat(one).isNotEqualTo(two);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "with space", "tab\there", "caf\u00e9", "line\nbreak"})
    void aTokenAHeaderCanNotCarryIsRefusedWithoutBeingRepeated(String token) {
        assertThatThrownBy(() -> AccessTokens.single(token, ACME))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("token 1 (for tenant acme) ")
                .satisfies(e -> {
                    if (!token.isEmpty()) {
                        assertThat(e.getMessage()).doesNotContain(token);
                    }
                });
    }

    @Test
    void aTokensFileIsRead() throws IOException {
        Path file = Files.writeString(folder.resolve("tokens.json"), "{\"tokens\":{\"a1\":\"acme\",\"g1\":\"globex\"}}");

        AccessTokens tokens = AccessTokens.load(file);

        assertThat(tokens.tenantOf("a1")).contains(ACME);
        assertThat(tokens.tenantOf("g1")).contains(GLOBEX);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[]|the document is not a JSON object",
            "{}|\"tokens\" is missing or not an object",
            "{\"tokens\":[]}|\"tokens\" is missing or not an object",
            "{\"tokens\":{}}|there must be at least one token",
            "{\"tokens\":{\"k\":\"acme\"},\"tenants\":{}}|unknown key 'tenants' at the top level",
            "{\"tokens\":{\"k\":7}}|the tenant of token 1 is not a tenant id",
            "{\"tokens\":{\"k\":\"acme\",\"k2\":\"a b\"}}|the tenant of token 2 is not a tenant id",
            "{\"tokens\":{\"k k\":\"acme\"}}|token 1 (for tenant acme) holds a character other than visible ASCII"})
    void aWrongTokensFileIsRefusedSayingWhatIsWrong(String documentAndProblem) throws IOException {
        String[] parts = documentAndProblem.split("\\|");
        Path file = Files.writeString(folder.resolve("tokens.json"), parts[0]);

        assertThatThrownBy(() -> AccessTokens.load(file))
                .isInstanceOf(StartupException.class)
                .hasMessageStartingWith("The tokens file " + file + " is wrong: " + parts[1]);
    }

    @Test
    void aTokenGivenTwiceIsRefused() throws IOException {
        Path file = Files.writeString(folder.resolve("tokens.json"), "{\"tokens\":{\"k\":\"acme\",\"k\":\"globex\"}}");

        assertThatThrownBy(() -> AccessTokens.load(file))
                .isInstanceOf(StartupException.class)
                .hasMessageStartingWith("The tokens file " + file + " is not valid JSON (line 1, column");
    }
}
