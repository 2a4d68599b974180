package io.casekit.spring.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casekit.core.TenantId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SampleTokenResolverTest {
    private final SampleTokenResolver resolver = new SampleTokenResolver(
            Map.of("token-of-acme", "acme", "second-token-of-acme", "acme", "token-of-demo", "demo"));

    @Test
    void aConfiguredTokenOpensItsTenant() {
        assertThat(resolver.resolve("token-of-acme")).contains(TenantId.of("acme"));
        assertThat(resolver.resolve("second-token-of-acme")).contains(TenantId.of("acme"));
        assertThat(resolver.resolve("token-of-demo")).contains(TenantId.of("demo"));
    }

    @Test
    void anyOtherTokenOpensNone() {
        assertThat(resolver.resolve("token-of-acm")).isEmpty();
        assertThat(resolver.resolve("token-of-acme ")).isEmpty();
        assertThat(resolver.resolve("TOKEN-OF-ACME")).isEmpty();
        assertThat(resolver.resolve("")).isEmpty();
        assertThat(new SampleTokenResolver(Map.of()).resolve("token-of-acme")).isEmpty();
    }

    @Test
    void anInvalidTenantStopsTheStart() {
        assertThatThrownBy(() -> new SampleTokenResolver(Map.of("t", "not a tenant")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
