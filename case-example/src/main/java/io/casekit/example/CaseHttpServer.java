package io.casekit.example;

import com.sun.net.httpserver.HttpServer;
import io.casekit.json.CaseEndpoints;
import io.casekit.json.EndpointRoute;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The AICC case endpoints on the JDK's own HTTP server ({@code com.sun.net.httpserver}), for any
 * {@link CaseEndpoints}. Requests are served by a bounded pool of {@value #WORKERS} threads with a
 * queue of {@value #QUEUE} requests; when both are full, the server's accepting thread serves the
 * next request itself, so that it stops accepting new ones until a worker is free (back-pressure
 * rather than an unbounded queue). Thread-safe.
 */
public final class CaseHttpServer implements AutoCloseable {
    static final int WORKERS = 16;
    static final int QUEUE = 256;
    /** How long {@link #close()} waits for requests in progress. */
    static final int STOP_GRACE_SECONDS = 10;

    static {
        // The JDK server sends an answer's headers and body as two TCP segments; with Nagle's
        // algorithm on, the body waits for the client's delayed ACK, about 40 ms on every kept-alive
        // request. The JDK reads this once, when its first server starts; a host that sets it stays
        // in charge.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ThreadPoolExecutor workers;
    private final CaseRequestHandler handler;

    private CaseHttpServer(HttpServer server, ThreadPoolExecutor workers, CaseRequestHandler handler) {
        this.server = server;
        this.workers = workers;
        this.handler = handler;
    }

    /**
     * Starts serving at {@code address} (port 0: a free port).
     *
     * @throws IOException when the address can not be bound, e.g. the port is taken
     */
    public static CaseHttpServer start(InetSocketAddress address, CaseEndpoints endpoints, AccessTokens tokens,
            RequestLog log) throws IOException {
        CaseRequestHandler handler = new CaseRequestHandler(endpoints, tokens, log);
        HttpServer server = HttpServer.create(address, 0);
        ThreadPoolExecutor workers = new ThreadPoolExecutor(WORKERS, WORKERS, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE), namedThreads(), new ThreadPoolExecutor.CallerRunsPolicy());
        workers.allowCoreThreadTimeOut(true);
        server.setExecutor(workers);
        server.createContext("/", handler);
        server.start();
        return new CaseHttpServer(server, workers, handler);
    }

    /** The address served, with the port actually bound. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** How many requests are being served now; a request counts until its log line is written. */
    public int requestsInProgress() {
        return handler.inFlight();
    }

    /** {@code http://<address>:<port>/service/AICC__Case/1.0.0/openapi/}. */
    public URI baseUri() {
        InetSocketAddress bound = address();
        String host = bound.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + bound.getPort() + EndpointRoute.BASE_PATH);
    }

    /**
     * Stops accepting requests, lets those in progress finish (for at most {@value #STOP_GRACE_SECONDS}
     * seconds), then closes every connection and the workers.
     */
    @Override
    public void close() {
        // The JDK 17 server waits the whole delay when no exchange is in progress, so a delay is asked
        // for only when one is; it returns as soon as the last one ends.
        server.stop(handler.inFlight() > 0 ? STOP_GRACE_SECONDS : 0);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory namedThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "casekit-http-" + count.incrementAndGet());
            thread.setDaemon(false);
            return thread;
        };
    }
}
