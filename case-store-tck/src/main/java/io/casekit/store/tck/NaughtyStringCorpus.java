package io.casekit.store.tck;

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
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Big List of Naughty Strings as an optional, external corpus: read from
 * {@code naughty-strings/blns.base64.json} in the folder named by the system property
 * {@code casekit.corpora}. It adds cases to those of {@link GeneratedNaughtyStrings}; the kit never
 * needs it. The file is a JSON array of base64 texts, so the exact bytes survive; a plain pattern
 * reads it, with no JSON library.
 */
final class NaughtyStringCorpus {
    /** The system property naming the corpora folder. */
    static final String CORPORA_PROPERTY = "casekit.corpora";
    static final String FILE = "naughty-strings/blns.base64.json";
    private static final Pattern BASE64_STRING = Pattern.compile("\"([A-Za-z0-9+/=]*)\"");

    private NaughtyStringCorpus() {}

    /**
     * One entry of the list: its bytes, and the string they encode when they are well-formed UTF-8.
     * (The list's base64 file cuts long lines into pieces, some in the middle of a character; such a
     * piece is no string and has nothing to store.)
     */
    record Entry(int index, byte[] bytes, Optional<String> text) {}

    /**
     * What was found: the entries in file order, or none and the reason, a sentence naming the
     * property or the file, for the skipped test that reports it.
     */
    record Loaded(List<Entry> entries, Optional<String> absence) {
        static Loaded absent(String reason) {
            return new Loaded(List.of(), Optional.of(reason));
        }
    }

    /**
     * Reads the corpus. A property not set or a file not there is an absence, not an error; a file
     * that is there but unreadable or empty throws, since a corpus was asked for and cannot be used.
     */
    static Loaded load() {
        String folder = System.getProperty(CORPORA_PROPERTY, "");
        if (folder.isBlank()) {
            return Loaded.absent("casekit.corpora not set: the external Big List of Naughty Strings adds no cases"
                    + " (the generated naughty strings still ran). Set the system property " + CORPORA_PROPERTY
                    + " to a folder holding " + FILE + " to add them");
        }
        Path file = Path.of(folder).resolve(FILE).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            return Loaded.absent("file not found at " + file + " (system property " + CORPORA_PROPERTY + "="
                    + folder + "): the external Big List of Naughty Strings adds no cases"
                    + " (the generated naughty strings still ran)");
        }
        String json;
        try {
            json = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<Entry> entries = new ArrayList<>();
        Matcher m = BASE64_STRING.matcher(json);
        while (m.find()) {
            byte[] bytes = Base64.getDecoder().decode(m.group(1));
            entries.add(new Entry(entries.size(), bytes, utf8(bytes)));
        }
        if (entries.isEmpty()) {
            throw new IllegalStateException(file + " holds no base64 strings");
        }
        return new Loaded(List.copyOf(entries), Optional.empty());
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

    /** A short, printable form of {@code text} for a test's name: control characters as {@code \\uXXXX}. */
    static String preview(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(32).forEach(cp -> {
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT || (cp >= 0xD800 && cp <= 0xDFFF)) {
                out.append(String.format(Locale.ROOT, "\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return text.codePointCount(0, text.length()) > 32 ? out + "…" : out.toString();
    }
}
