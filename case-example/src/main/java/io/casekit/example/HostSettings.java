package io.casekit.example;

import io.casekit.store.jdbc.JdbcStoreOptions;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * How a host is run: where it listens, which database it keeps cases in, which files it reads at
 * start, and its tenants' zone. Immutable.
 *
 * @param bindAddress     the address to listen on; default the loopback address
 * @param port            the TCP port, 0 for a free one; default 8080
 * @param databaseUrl     a {@code jdbc:h2:}, {@code jdbc:postgresql:} or {@code jdbc:mariadb:} URL, user
 *                        and password in it; default an H2 file in {@code ./casekit-data/}
 * @param tokensFile      the access tokens, {@code {"tokens":{"<token>":"<tenant>"}}}; without it one
 *                        demo token is made for tenant {@code demo}
 * @param typesFile       the case type document loaded into the catalog at start
 * @param zone            the tenants' zone, in which a {@code dueDate} is a local date-time; default UTC
 * @param tablePrefix     the prefix of the casekit tables; default {@code casekit_}
 * @param databaseTimeout how long a request waits for a database connection before it gets {@code 503001}
 */
public record HostSettings(InetAddress bindAddress, int port, String databaseUrl, Optional<Path> tokensFile,
        Optional<Path> typesFile, ZoneId zone, String tablePrefix, Duration databaseTimeout) {

    public static final int DEFAULT_PORT = 8080;
    public static final Duration DEFAULT_DATABASE_TIMEOUT = Duration.ofSeconds(5);

    /** @throws IllegalArgumentException when the port is out of range or the database is not supported */
    public HostSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(databaseUrl, "databaseUrl");
        Objects.requireNonNull(tokensFile, "tokensFile");
        Objects.requireNonNull(typesFile, "typesFile");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(tablePrefix, "tablePrefix");
        Objects.requireNonNull(databaseTimeout, "databaseTimeout");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0 to 65535, was " + port);
        }
        if (!CaseDatabase.isSupported(databaseUrl)) {
            throw new IllegalArgumentException(CaseDatabase.UNSUPPORTED);
        }
    }

    /** The defaults: loopback, port 8080, the H2 file under {@code ./casekit-data/}, UTC. */
    public static HostSettings defaults() {
        return new HostSettings(InetAddress.getLoopbackAddress(), DEFAULT_PORT,
                CaseDatabase.defaultUrl(Path.of("")), Optional.empty(), Optional.empty(), ZoneId.of("UTC"),
                JdbcStoreOptions.DEFAULT_TABLE_PREFIX, DEFAULT_DATABASE_TIMEOUT);
    }

    public HostSettings withBindAddress(InetAddress value) {
        return new HostSettings(value, port, databaseUrl, tokensFile, typesFile, zone, tablePrefix, databaseTimeout);
    }

    public HostSettings withPort(int value) {
        return new HostSettings(bindAddress, value, databaseUrl, tokensFile, typesFile, zone, tablePrefix,
                databaseTimeout);
    }

    public HostSettings withDatabaseUrl(String value) {
        return new HostSettings(bindAddress, port, value, tokensFile, typesFile, zone, tablePrefix, databaseTimeout);
    }

    public HostSettings withTokensFile(Path value) {
        return new HostSettings(bindAddress, port, databaseUrl, Optional.of(value), typesFile, zone, tablePrefix,
                databaseTimeout);
    }

    public HostSettings withTypesFile(Path value) {
        return new HostSettings(bindAddress, port, databaseUrl, tokensFile, Optional.of(value), zone, tablePrefix,
                databaseTimeout);
    }

    public HostSettings withZone(ZoneId value) {
        return new HostSettings(bindAddress, port, databaseUrl, tokensFile, typesFile, value, tablePrefix,
                databaseTimeout);
    }

    public HostSettings withTablePrefix(String value) {
        return new HostSettings(bindAddress, port, databaseUrl, tokensFile, typesFile, zone, value, databaseTimeout);
    }

    public HostSettings withDatabaseTimeout(Duration value) {
        return new HostSettings(bindAddress, port, databaseUrl, tokensFile, typesFile, zone, tablePrefix, value);
    }

    /** The store options these settings ask for. */
    JdbcStoreOptions storeOptions() {
        return JdbcStoreOptions.defaults().withTablePrefix(tablePrefix);
    }
}
