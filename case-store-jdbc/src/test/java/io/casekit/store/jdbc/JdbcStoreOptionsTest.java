package io.casekit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JdbcStoreOptionsTest {

    @Test
    void theDefaultsArePrefixCasekitDetectedDialectAndATenSecondCache() {
        JdbcStoreOptions defaults = JdbcStoreOptions.defaults();
        assertThat(defaults.tablePrefix()).isEqualTo("casekit_");
        assertThat(defaults.dialect()).isEmpty();
        assertThat(defaults.templateCacheTtl()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.templateCacheMaximumSize()).isEqualTo(1_000);
        assertThat(defaults.withTemplateCacheMaximumSize(5).templateCacheMaximumSize()).isEqualTo(5);
        assertThat(defaults.transactions()).isEqualTo(JdbcTransactions.autocommitPool());
    }

    @Test
    void theTransactionStrategyIsKeptByTheOtherWithers() {
        JdbcTransactions manual = JdbcTransactions.manualCommitPool();
        JdbcStoreOptions options = JdbcStoreOptions.defaults().withTransactions(manual).withTablePrefix("ck_")
                .withDialect(JdbcDialect.H2).withTemplateCacheTtl(Duration.ZERO);
        assertThat(options.transactions()).isEqualTo(manual);
        assertThatThrownBy(() -> JdbcTransactions.hostManaged(null)).isInstanceOf(NullPointerException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "casekit_", "my_app2_", "x234567890123456789012345678901234567890"})
    void safePrefixesAreAccepted(String prefix) {
        assertThat(JdbcStoreOptions.defaults().withTablePrefix(prefix).tablePrefix()).isEqualTo(prefix);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Casekit_", "1casekit", "_casekit", "case-kit", "ck;drop table x;--", "ck ", "ck\"",
            "ck`", "ck.", "çk", "x2345678901234567890123456789012345678901"})
    void unsafePrefixesAreRefusedWhenTheOptionsAreBuilt(String prefix) {
        assertThatThrownBy(() -> JdbcStoreOptions.defaults().withTablePrefix(prefix))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("table prefix");
    }

    @Test
    void aNegativeCacheTimeIsRefused() {
        assertThatThrownBy(() -> JdbcStoreOptions.defaults().withTemplateCacheTtl(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNegativeCacheSizeIsRefused() {
        assertThatThrownBy(() -> JdbcStoreOptions.defaults().withTemplateCacheMaximumSize(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maximum size");
    }

    @Test
    void productNamesMapToDialects() {
        assertThat(JdbcDialect.fromProductName("PostgreSQL")).contains(JdbcDialect.POSTGRESQL);
        assertThat(JdbcDialect.fromProductName("MariaDB")).contains(JdbcDialect.MARIADB);
        assertThat(JdbcDialect.fromProductName("H2")).contains(JdbcDialect.H2);
        assertThat(JdbcDialect.fromProductName("MySQL")).isEmpty();
        assertThat(JdbcDialect.fromProductName("Oracle")).isEmpty();
    }
}
