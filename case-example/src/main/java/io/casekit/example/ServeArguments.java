package io.casekit.example;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads the options of {@code serve} into {@link HostSettings}. */
final class ServeArguments {
    private ServeArguments() {}

    /**
     * @param args the arguments after {@code serve}; each option as {@code --name value} or
     *             {@code --name=value}, at most once
     * @throws UsageException naming the option that is unknown, repeated, without a value or wrong
     */
    static HostSettings parse(List<String> args) throws UsageException {
        HostSettings settings = HostSettings.defaults();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
            String name = arg;
            String value;
            int equals = arg.indexOf('=');
            if (equals >= 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new UsageException(name + " needs a value");
            }
            if (!seen.add(name)) {
                throw new UsageException(name + " is given twice");
            }
            settings = switch (name) {
                case "--port" -> settings.withPort(port(value));
                case "--bind" -> settings.withBindAddress(address(value));
                case "--db" -> settings.withDatabaseUrl(databaseUrl(value));
                case "--tokens" -> settings.withTokensFile(file(name, value));
                case "--types" -> settings.withTypesFile(file(name, value));
                case "--zone" -> settings.withZone(zone(value));
                default -> throw new UsageException("unknown option " + name);
            };
        }
        return settings;
    }

    private static int port(String value) throws UsageException {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below, as for an out-of-range number
        }
        throw new UsageException("--port must be a number from 0 to 65535 (0 picks a free port), was '" + value + "'");
    }

    private static InetAddress address(String value) throws UsageException {
        if (value.isBlank()) {
            throw new UsageException("--bind needs an address, e.g. 127.0.0.1 or 0.0.0.0");
        }
        try {
            return InetAddress.getByName(value);
        } catch (UnknownHostException e) {
            throw new UsageException("--bind: unknown address '" + value + "'");
        }
    }

    private static String databaseUrl(String value) throws UsageException {
        if (!CaseDatabase.isSupported(value)) {
            // The URL may hold a password: it is not repeated.
            throw new UsageException("--db: " + CaseDatabase.UNSUPPORTED);
        }
        return value;
    }

    private static Path file(String option, String value) throws UsageException {
        if (value.isEmpty()) {
            throw new UsageException(option + " needs a file name");
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new UsageException(option + ": '" + value + "' is not a file name");
        }
    }

    private static ZoneId zone(String value) throws UsageException {
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw new UsageException("--zone: unknown time zone '" + value + "' (use a region such as Europe/Paris, "
                    + "or UTC, or an offset such as +02:00)");
        }
    }
}
