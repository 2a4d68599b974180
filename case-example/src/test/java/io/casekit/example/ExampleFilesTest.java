package io.casekit.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.core.TenantId;
import io.casekit.core.template.CaseType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The files the README tells a user to start with are valid. */
class ExampleFilesTest {
    private static final Path EXAMPLES = Path.of("examples");

    @Test
    void theExampleCaseTypesLoad() {
        List<CaseType> types = CaseTypesFile.read(EXAMPLES.resolve("case-types.json"));

        assertThat(types).hasSize(2);
        assertThat(types.get(0)).satisfies(type -> {
            assertThat(type.tenant()).isEqualTo(TenantId.of("demo"));
            assertThat(type.id().value()).isEqualTo("ct000000000000000001");
            assertThat(type.fields()).hasSize(5);
            assertThat(type.statusFlow()).isEqualTo(io.casekit.core.template.StatusFlow.DEFAULT);
        });
        // The README's lifecycle examples use the second: a strict flow of three statuses.
        assertThat(types.get(1)).satisfies(type -> {
            assertThat(type.tenant()).isEqualTo(TenantId.of("demo"));
            assertThat(type.id().value()).isEqualTo("ct000000000000000002");
            assertThat(type.statusFlow().strictOrder()).isTrue();
            assertThat(type.statusFlow().statuses()).extracting(s -> s.name())
                    .containsExactly("New", "Waiting for customer", "Solved");
        });
    }

    @Test
    void theExampleTokensLoad() {
        AccessTokens tokens = AccessTokens.load(EXAMPLES.resolve("tokens.json"));

        assertThat(tokens.tenantOf("replace-me-with-a-long-random-token-for-demo")).contains(TenantId.of("demo"));
        assertThat(tokens.tenants()).containsExactly(TenantId.of("demo"), TenantId.of("acme"));
    }
}
