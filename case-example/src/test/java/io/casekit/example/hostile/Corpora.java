package io.casekit.example.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The public corpora, from the folder the system property {@code casekit.corpora} names (the build
 * sets it to {@code ../shared/corpora}). They are not part of the project: when they are not there,
 * the tests that need them are skipped, saying why.
 */
final class Corpora {
    static final String PROPERTY = "casekit.corpora";
    private static final Pattern BASE64_STRING = Pattern.compile("\"([A-Za-z0-9+/=]*)\"");

    private Corpora() {}

    /** One entry of the Big List of Naughty Strings: its bytes, and its text when they are UTF-8. */
    record NaughtyString(int index, byte[] bytes, Optional<String> text) {
        /** A short printable form for a test's name: controls and invisible characters as {@code \\uXXXX}. */
        String label() {
            if (text.isEmpty()) {
                return "#" + index + " (" + bytes.length + " bytes, not UTF-8)";
            }
            StringBuilder shown = new StringBuilder();
            text.get().codePoints().limit(24).forEach(cp -> {
                if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT || Character.isWhitespace(cp)
                        || Character.getType(cp) == Character.NON_SPACING_MARK) {
                    shown.append(String.format("\\u%04X", cp));
                } else {
                    shown.appendCodePoint(cp);
                }
            });
            return "#" + index + " \"" + shown + (text.get().codePointCount(0, text.get().length()) > 24 ? "…" : "") + "\"";
        }
    }

    /** Why JSONTestSuite can not be run here, if it can not: its folder is not there. */
    static Optional<String> jsonTestSuiteMissing() {
        return missing(jsonTestSuiteFolder(), "JSONTestSuite");
    }

    /** Why the Big List of Naughty Strings can not be run here, if it can not. */
    static Optional<String> naughtyStringsMissing() {
        return missing(naughtyStringsFile(), "The Big List of Naughty Strings");
    }

    /** The files of JSONTestSuite's {@code test_parsing}, by name; see {@link #jsonTestSuiteMissing()}. */
    static List<Path> jsonTestSuite() {
        Path folder = jsonTestSuiteFolder().orElseThrow();
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> found = files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
            if (found.isEmpty()) {
                throw new IllegalStateException(folder + " holds no .json files");
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Big List of Naughty Strings, in file order; see {@link #naughtyStringsMissing()}. */
    static List<NaughtyString> naughtyStrings() {
        Path file = naughtyStringsFile().orElseThrow();
        String json;
        try {
            json = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<NaughtyString> entries = new ArrayList<>();
        Matcher m = BASE64_STRING.matcher(json);
        while (m.find()) {
            byte[] bytes = Base64.getDecoder().decode(m.group(1));
            entries.add(new NaughtyString(entries.size(), bytes, utf8(bytes)));
        }
        if (entries.isEmpty()) {
            throw new IllegalStateException(file + " holds no base64 strings");
        }
        return entries;
    }

    private static Optional<Path> jsonTestSuiteFolder() {
        return folder().map(f -> f.resolve("json-test-suite").resolve("test_parsing")).filter(Files::isDirectory);
    }

    private static Optional<Path> naughtyStringsFile() {
        return folder().map(f -> f.resolve("naughty-strings").resolve("blns.base64.json")).filter(Files::isRegularFile);
    }

    private static Optional<Path> folder() {
        String folder = System.getProperty(PROPERTY, "");
        return folder.isBlank() ? Optional.empty() : Optional.of(Path.of(folder));
    }

    private static Optional<String> missing(Optional<Path> found, String corpus) {
        if (found.isPresent()) {
            return Optional.empty();
        }
        String folder = System.getProperty(PROPERTY, "");
        return Optional.of(folder.isBlank() ? corpus + " not found: the system property " + PROPERTY + " is not set"
                : corpus + " is not in " + Path.of(folder).toAbsolutePath().normalize());
    }

    private static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
