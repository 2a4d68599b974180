package io.casekit.example;

import io.casekit.core.TenantId;
import io.casekit.core.template.CaseType;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The command line of the reference host: {@code serve} and {@code demo}.
 *
 * <p>Exit status: 0 when the command did what it was asked ({@code demo} succeeded, {@code help});
 * 1 when {@code serve} can not start or {@code demo} failed; 2 for a wrong command line. A server
 * stopped by SIGTERM exits, after its clean stop, with the JVM's 143 (128 + 15), or 130 after Ctrl-C.
 */
public final class Main {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    static final String USAGE_TEXT = """
            Usage:
              java -jar case-example.jar serve [--port 8080] [--db JDBC_URL] [--tokens FILE] [--types FILE]
                                               [--zone ZONE] [--bind ADDRESS]
              java -jar case-example.jar demo
              java -jar case-example.jar help

            serve   serves the AICC case endpoints under /service/AICC__Case/1.0.0/openapi/
              --port N        the TCP port (default 8080; 0 picks a free one)
              --db JDBC_URL   jdbc:h2:..., jdbc:postgresql:... or jdbc:mariadb:..., user and password in the
                              URL (default: an H2 file in ./casekit-data/); the tables are created at start
              --tokens FILE   {"tokens":{"<access-token>":"<tenant>", ...}} (default: one random token for
                              tenant demo, printed at start)
              --types FILE    case types to load at start: {"caseTypes":[...]}
              --zone ZONE     the tenants' time zone, e.g. Europe/Paris (default UTC)
              --bind ADDRESS  the address to listen on (default 127.0.0.1)
            demo    runs the AICC "Modifying a Case" example end to end over HTTP on a throw-away database
            """;

    /** The loggers of libraries whose chatter is left out, held so that their levels stay set. */
    private static List<Logger> quietLogs = List.of();

    private Main() {}

    public static void main(String[] args) {
        configureLogging();
        // After a SIGTERM, serve returns once the shutdown hook has stopped the host; exit() then
        // waits for the JVM's shutdown, which ends with the signal's status.
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a command; {@code serve} returns only when the host has been stopped by a shutdown. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            return usage(err, "a command is needed");
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        switch (args[0]) {
            case "serve":
                HostSettings settings;
                try {
                    settings = ServeArguments.parse(rest);
                } catch (UsageException e) {
                    return usage(err, e.getMessage());
                }
                return serve(settings, out, err);
            case "demo":
                if (!rest.isEmpty()) {
                    return usage(err, "demo takes no options");
                }
                return Demo.run(out, err);
            case "help", "--help", "-h":
                out.print(USAGE_TEXT);
                return OK;
            default:
                return usage(err, "unknown command '" + args[0] + "'");
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println("case-example: " + problem);
        err.println();
        err.print(USAGE_TEXT);
        return USAGE;
    }

    private static int serve(HostSettings settings, PrintStream out, PrintStream err) {
        CaseHost host;
        AccessTokens tokens;
        String demoToken = "";
        try {
            if (settings.tokensFile().isPresent()) {
                tokens = AccessTokens.load(settings.tokensFile().get());
            } else {
                demoToken = AccessTokens.newToken();
                tokens = AccessTokens.single(demoToken, Demo.TENANT);
            }
            List<CaseType> types = settings.typesFile().map(CaseTypesFile::read).orElse(List.of());
            host = CaseHost.start(settings, tokens, types, RequestLog.to(out, Clock.systemUTC()));
            out.println("casekit reference host");
            out.println("  database:   " + host.databaseDescription() + " (casekit tables created or current)");
            out.println("  zone:       " + settings.zone());
            out.println("  case types: " + types.size() + settings.typesFile().map(f -> " from " + f).orElse(""));
            if (demoToken.isEmpty()) {
                out.println("  tokens:     " + tokens.size() + " for " + tokens.tenants().stream()
                        .map(TenantId::value).toList() + ", from " + settings.tokensFile().orElseThrow());
            } else {
                out.println("  access-token for tenant " + Demo.TENANT + ": " + demoToken);
            }
        } catch (StartupException e) {
            err.println("case-example: " + e.getMessage());
            return FAILED;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("Stopping: answering the requests in progress, then closing the database");
            host.close();
            out.println("Stopped");
            stopped.countDown();
        }, "casekit-stop"));
        out.println("Serving on " + host.baseUri() + " (stop with Ctrl-C or SIGTERM)");
        awaitUninterruptibly(stopped);
        return OK;
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (latch.getCount() > 0) {
            try {
                latch.await();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * One backend for every log: casekit's {@link System.Logger} and HikariCP's SLF4J both go to
     * {@code java.util.logging}, on standard error, one line per record; the connection pool's
     * and the validator's only from WARNING up. A {@code java.util.logging.config.file} given by the operator is left alone.
     */
    private static void configureLogging() {
        if (System.getProperty("java.util.logging.config.file") != null) {
            return;
        }
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tL%1$tz %4$s %3$s: %5$s%6$s%n");
        }
        quietLogs = List.of(Logger.getLogger("com.zaxxer.hikari"), Logger.getLogger("org.hibernate.validator"));
        quietLogs.forEach(log -> log.setLevel(Level.WARNING));
    }
}
