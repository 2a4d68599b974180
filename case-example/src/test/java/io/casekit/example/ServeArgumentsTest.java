package io.casekit.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServeArgumentsTest {
    @Test
    void withoutOptionsEverythingHasItsDefault() throws Exception {
        HostSettings settings = ServeArguments.parse(List.of());

        assertThat(settings).isEqualTo(HostSettings.defaults());
        assertThat(settings.port()).isEqualTo(8080);
        assertThat(settings.bindAddress()).isEqualTo(InetAddress.getLoopbackAddress());
        assertThat(settings.zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(settings.tokensFile()).isEmpty();
        assertThat(settings.typesFile()).isEmpty();
        assertThat(settings.tablePrefix()).isEqualTo("casekit_");
    }

    @Test
    void everyOptionInBothForms() throws Exception {
        HostSettings settings = ServeArguments.parse(List.of("--port", "9090", "--db=jdbc:postgresql://db/cases?user=u",
                "--tokens", "tokens.json", "--types=types.json", "--zone", "Europe/Paris", "--bind=0.0.0.0"));

        assertThat(settings.port()).isEqualTo(9090);
        assertThat(settings.databaseUrl()).isEqualTo("jdbc:postgresql://db/cases?user=u");
        assertThat(settings.tokensFile()).contains(Path.of("tokens.json"));
        assertThat(settings.typesFile()).contains(Path.of("types.json"));
        assertThat(settings.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(settings.bindAddress()).isEqualTo(InetAddress.getByName("0.0.0.0"));
    }

    @Test
    void theDatabasePrefixIsCheckedWithoutRegardToCase() throws Exception {
        assertThat(ServeArguments.parse(List.of("--db", "JDBC:MariaDB://db/test")).databaseUrl())
                .isEqualTo("JDBC:MariaDB://db/test");
    }

    @Test
    void credentialsAndOptionsAreLeftOutOfWhatIsShown() {
        assertThat(CaseDatabase.withoutCredentials("jdbc:postgresql://db:5432/test?user=u&password=p"))
                .isEqualTo("jdbc:postgresql://db:5432/test");
        assertThat(CaseDatabase.withoutCredentials("jdbc:mariadb://u:p@db/test")).isEqualTo("jdbc:mariadb://db/test");
        assertThat(CaseDatabase.withoutCredentials("jdbc:h2:file:/data/casekit;USER=sa;PASSWORD=p"))
                .isEqualTo("jdbc:h2:file:/data/casekit");
    }
}
