package io.casekit.example.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.core.TenantId;
import io.casekit.core.service.CaseService;
import io.casekit.core.template.CaseType;
import io.casekit.example.AccessTokens;
import io.casekit.example.CaseHost;
import io.casekit.example.CaseHttpServer;
import io.casekit.example.HostSettings;
import io.casekit.example.RequestLog;
import io.casekit.json.CaseEndpoints;
import io.casekit.json.CaseJson;
import io.casekit.store.memory.InMemoryTemplateCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A reference host on one store, on a free loopback port, with one tenant ({@link #TENANT}) whose
 * case type ({@link #TYPE}) has a field of every type; and its client. On a database the host is
 * started as {@code serve} starts it ({@link CaseHost}, tables under a random prefix, dropped at
 * {@link #close()}); on the in-memory store the same HTTP server runs on a service built on
 * {@link CountingCaseStore}. {@link #counts()} reads the store itself, beside the host, so that a
 * test sees any case or history entry a request left behind, whatever its id.
 */
final class HostileHost implements AutoCloseable {
    static final TenantId TENANT = TenantId.of("hostile");
    static final String TYPE = "ct000000000000000001";
    static final String CREATOR = "10gg0000013wljxK5XX6";
    static final String CONTACT = "ciIy0000013w9aru7cDQ";
    static final String JSON = "application/json";
    /** A hang guard, far above any answer: not a speed check. */
    static final Duration HANG_GUARD = Duration.ofSeconds(10);

    /** How the tests read answers: numbers exactly as written ({@code 12.50} stays {@code 12.50}). */
    static final JsonMapper READER = JsonMapper.builder()
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ID_CHARACTERS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /** The counts of what the store holds, all tenants together. */
    record Counts(long cases, long historyEntries) {}

    final HostileStore store;
    private final String token = AccessTokens.newToken();
    /** Stops the host's server (and, on a database, closes its pool). */
    private final Runnable stop;
    private final URI base;
    private final OneShotHttp http;
    private final @Nullable CountingCaseStore memory;
    private final @Nullable Connection probe;
    private final @Nullable Path folder;
    private final String prefix;
    private final AtomicLong slowestServerMillis = new AtomicLong();

    private HostileHost(HostileStore store) throws IOException, SQLException {
        this.store = store;
        AccessTokens tokens = AccessTokens.single(token, TENANT);
        List<CaseType> types = CaseJson.create().readCaseTypes(resource("/hostile/hostile-case-types.json"));
        RequestLog log = (method, path, status, resCode, millis) -> slowestServerMillis.accumulateAndGet(millis, Math::max);
        this.prefix = randomPrefix();
        if (store.isJdbc()) {
            this.memory = null;
            this.folder = store == HostileStore.H2 ? Files.createTempDirectory("casekit-hostile-") : null;
            String url = store.jdbcUrl(folder == null ? Path.of("") : folder);
            CaseHost host = CaseHost.start(HostSettings.defaults().withDatabaseUrl(url).withTablePrefix(prefix).withPort(0),
                    tokens, types, log);
            this.stop = host::close;
            this.base = host.baseUri();
            this.http = new OneShotHttp(new InetSocketAddress(InetAddress.getLoopbackAddress(), host.port()), HANG_GUARD);
            try {
                this.probe = DriverManager.getConnection(url);
            } catch (SQLException | RuntimeException e) {
                host.close();
                throw e;
            }
        } else {
            CountingCaseStore cases = new CountingCaseStore();
            this.memory = cases;
            this.folder = null;
            InMemoryTemplateCatalog catalog = new InMemoryTemplateCatalog();
            types.forEach(catalog::save);
            CaseService service = CaseService.builder(cases, catalog).zone(ZoneOffset.UTC).build();
            CaseHttpServer server = CaseHttpServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    CaseEndpoints.of(service), tokens, log);
            this.stop = server::close;
            this.base = server.baseUri();
            this.http = new OneShotHttp(server.address(), HANG_GUARD);
            this.probe = null;
        }
    }

    /** Starts a host on {@code store}; the store must be {@linkplain HostileStore#requested() requested}. */
    static HostileHost start(HostileStore store) {
        try {
            return new HostileHost(store);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("The " + store.key + " database can not be counted: " + e.getMessage(), e);
        }
    }

    static byte[] resource(String name) {
        try (InputStream in = HostileHost.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A case id no test has used: 20 letters and digits. */
    static String newCaseId() {
        StringBuilder id = new StringBuilder("h");
        for (int i = 1; i < 20; i++) {
            id.append(ID_CHARACTERS.charAt(RANDOM.nextInt(ID_CHARACTERS.length())));
        }
        return id.toString();
    }

    private static String randomPrefix() {
        StringBuilder prefix = new StringBuilder("ckh");
        for (int i = 0; i < 8; i++) {
            prefix.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return prefix.append('_').toString();
    }

    /** The access token of {@link #TENANT}. */
    String token() {
        return token;
    }

    /** {@code http://127.0.0.1:<port>/service/AICC__Case/1.0.0/openapi/}. */
    URI baseUri() {
        return base;
    }

    /** The slowest answer the host's request log recorded, in milliseconds, over every request so far. */
    long slowestServerMillis() {
        return slowestServerMillis.get();
    }

    /** POSTs {@code body} to {@code endpoint} ({@code case} or {@code case/modify}) as a client would. */
    Answer post(String endpoint, byte[] body) {
        return post(endpoint, body, Transport.DECLARED_LENGTH);
    }

    Answer post(String endpoint, byte[] body, Transport transport) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(Map.entry("Content-Type", switch (transport) {
            case TEXT_PLAIN -> "text/plain";
            case LATIN1 -> JSON + ";charset=ISO-8859-1";
            default -> JSON;
        }));
        switch (transport) {
            case NO_TOKEN -> { }
            case UNKNOWN_TOKEN -> headers.add(Map.entry("access-token", AccessTokens.newToken()));
            case TWO_TOKENS -> {
                headers.add(Map.entry("access-token", token));
                headers.add(Map.entry("access-token", token));
            }
            default -> headers.add(Map.entry("access-token", token));
        }
        return send("POST", endpoint, headers, body, transport == Transport.CHUNKED);
    }

    Answer get(String endpoint) {
        return send("GET", endpoint, List.of(Map.entry("access-token", token)), null, false);
    }

    private Answer send(String method, String endpoint, List<Map.Entry<String, String>> headers, byte @Nullable [] body,
            boolean chunked) {
        long started = System.nanoTime();
        OneShotHttp.Response response = http.send(method, base.resolve(endpoint), headers, body, chunked);
        long nanos = System.nanoTime() - started;
        Optional<JsonNode> json;
        try {
            json = Optional.ofNullable(READER.readTree(response.body()));
        } catch (JacksonException e) {
            json = Optional.empty();
        }
        return new Answer(response.status(), response.headers().getOrDefault("content-type", ""), response.body(), json,
                nanos);
    }

    /** Creates a case from a valid create body and returns its id. */
    String create(String body) {
        Answer created = post("case", body.getBytes(StandardCharsets.UTF_8));
        assertThat(created.resCode()).as("the set-up create %s: %s", body, created).isEqualTo("0");
        return created.body().orElseThrow().get("result").get("caseId").stringValue();
    }

    /** The case as read over HTTP: the exact bytes of its answer. */
    Answer read(String caseId) {
        Answer read = get("case/" + caseId);
        assertThat(read.resCode()).as("reading case %s: %s", caseId, read).isEqualTo("0");
        return read;
    }

    /** The case's read answer, {@code result[0]}. */
    JsonNode readCase(String caseId) {
        return read(caseId).body().orElseThrow().get("result").get(0);
    }

    /** The case's history, oldest first. */
    JsonNode history(String caseId) {
        Answer history = get("case/" + caseId + "/history");
        assertThat(history.resCode()).as("reading the history of %s: %s", caseId, history).isEqualTo("0");
        return history.body().orElseThrow().get("result");
    }

    /** What the store holds now, counted in the store itself. */
    Counts counts() {
        if (memory != null) {
            return new Counts(memory.caseCount(), memory.historyEntryCount());
        }
        try (Statement statement = Objects.requireNonNull(probe).createStatement()) {
            return new Counts(count(statement, prefix + "case"), count(statement, prefix + "case_history"));
        } catch (SQLException e) {
            throw new IllegalStateException("counting the " + store.key + " tables failed: " + e.getMessage(), e);
        }
    }

    private static long count(Statement statement, String table) throws SQLException {
        try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException, IOException {
        try {
            if (probe != null) {
                probe.close();
            }
        } finally {
            try {
                stop.run();
            } finally {
                cleanUp();
            }
        }
    }

    private void cleanUp() throws SQLException, IOException {
        if (store == HostileStore.POSTGRESQL || store == HostileStore.MARIADB) {
            try (Connection connection = DriverManager.getConnection(store.jdbcUrl(Path.of("")));
                 Statement statement = connection.createStatement()) {
                for (String table : List.of("case_history", "case", "case_type", "schema_version")) {
                    statement.execute("DROP TABLE IF EXISTS " + prefix + table);
                }
            }
        }
        if (folder != null) {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
