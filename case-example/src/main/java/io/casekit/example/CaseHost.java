package io.casekit.example;

import io.casekit.core.CaseException;
import io.casekit.core.service.CaseService;
import io.casekit.core.template.CaseType;
import io.casekit.json.CaseEndpoints;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;

/**
 * One running reference host: the database (tables created or upgraded at start), the case types
 * loaded into its catalog, a {@link CaseService} in the tenants' zone, and the endpoints served over
 * HTTP. Thread-safe. {@link #close()} stops the server first, then closes the database, so that
 * every request in progress is answered before the pool goes away.
 */
public final class CaseHost implements AutoCloseable {
    private final CaseDatabase database;
    private final CaseHttpServer server;

    private CaseHost(CaseDatabase database, CaseHttpServer server) {
        this.database = database;
        this.server = server;
    }

    /**
     * Opens the database, saves {@code caseTypes} into its catalog (replacing stored types of the same
     * tenant and id), and starts serving.
     *
     * @throws StartupException when the database can not be opened or used, or the address can not be
     *                          bound; nothing is left open then
     */
    public static CaseHost start(HostSettings settings, AccessTokens tokens, List<CaseType> caseTypes,
            RequestLog log) {
        CaseDatabase database = CaseDatabase.open(settings.databaseUrl(), settings.storeOptions(),
                settings.databaseTimeout());
        try {
            for (CaseType type : caseTypes) {
                database.catalog().save(type);
            }
            CaseService service = CaseService.builder(database.store(), database.catalog())
                    .zone(settings.zone())
                    .build();
            InetSocketAddress address = new InetSocketAddress(settings.bindAddress(), settings.port());
            CaseHttpServer server = CaseHttpServer.start(address, CaseEndpoints.of(service), tokens, log);
            return new CaseHost(database, server);
        } catch (CaseException e) {
            database.close();
            throw new StartupException("The case types can not be saved in " + database.description() + ": "
                    + e.getMessage(), e);
        } catch (BindException e) {
            database.close();
            throw new StartupException("Port " + settings.port() + " on " + settings.bindAddress().getHostAddress()
                    + " can not be used: " + e.getMessage(), e);
        } catch (IOException e) {
            database.close();
            throw new StartupException("The HTTP server can not start: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** {@code http://<address>:<port>/service/AICC__Case/1.0.0/openapi/}. */
    public URI baseUri() {
        return server.baseUri();
    }

    public int port() {
        return server.address().getPort();
    }

    /** How many requests are being served now; a request counts until its log line is written. */
    public int requestsInProgress() {
        return server.requestsInProgress();
    }

    /** The database, as shown to the operator: its URL without user, password or options. */
    public String databaseDescription() {
        return database.description();
    }

    /** Stops serving (requests in progress are answered first), then closes the database. */
    @Override
    public void close() {
        try {
            server.close();
        } finally {
            database.close();
        }
    }
}
