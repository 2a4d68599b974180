package io.casekit.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The figures of a run (operations, faults, inputs, losses): printed, and written to
 * {@code target/reliability-figures/<name>.txt} (the system property {@code casekit.figures}) so
 * that {@code docs/reliability.md} can quote the last run.
 */
final class Figures {
    private Figures() {}

    static void record(String name, List<String> lines) {
        String text = String.join(System.lineSeparator(), lines) + System.lineSeparator();
        System.out.println("[casekit reliability: " + name + "]" + System.lineSeparator() + text);
        Path folder = Path.of(System.getProperty("casekit.figures", "target/reliability-figures"));
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(name + ".txt"), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
