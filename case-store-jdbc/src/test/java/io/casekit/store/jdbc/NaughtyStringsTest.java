package io.casekit.store.jdbc;

import static io.casekit.store.jdbc.Fixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.core.Case;
import io.casekit.core.CaseId;
import io.casekit.core.HistoryEntry;
import io.casekit.core.Value;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every string of the Big List of Naughty Strings that a case can hold (valid UTF-8, no U+0000)
 * comes back byte for byte from every database, as a standard field, an extension value, a list
 * item and in the history.
 */
class NaughtyStringsTest {
    @RegisterExtension
    static final Databases DATABASES = Databases.requested();

    static List<String> databases() {
        return Databases.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void everyNaughtyStringRoundTripsByteForByte(String database) throws IOException {
        List<String> strings = naughtyStrings();
        JdbcCaseStore store = DATABASES.get(database).store();

        for (int i = 0; i < strings.size(); i++) {
            String s = strings.get(i);
            Map<String, Value> extensions = new TreeMap<>();
            extensions.put("AICC__notes__CST", Value.text(s));
            extensions.put("AICC__tags__CST", Value.textList(List.of(s, "x" + s)));
            // ownerId, contactId, contactPhone and createdBy hold at most 20 UTF-8 bytes (the rules'
            // limit, which the store keeps on every dialect): a longer string goes only into the
            // unbounded fields.
            String party = s.getBytes(StandardCharsets.UTF_8).length <= 20 ? s : "p" + i;
            Case c = Case.builder().tenant(TENANT).id(CaseId.of("n" + i)).typeId(Fixtures.TYPE)
                    .title(s).description(s)
                    .ownerId(party)
                    .contactId(party)
                    .contactPhone(party)
                    .attachment(s)
                    .extensions(extensions)
                    .version(1).createdBy(party).createdAt(Fixtures.CREATED).updatedAt(Fixtures.CREATED)
                    .build();
            HistoryEntry creation = Fixtures.creation(c);
            store.insert(c, creation);

            Case read = store.find(TENANT, c.id()).orElseThrow();
            assertThat(read).as("naughty string %d", i).isEqualTo(c);
            assertThat(read.title().getBytes(StandardCharsets.UTF_8)).isEqualTo(s.getBytes(StandardCharsets.UTF_8));
            assertThat(store.history(TENANT, c.id())).as("naughty string %d", i).containsExactly(creation);
        }
    }

    private static List<String> naughtyStrings() throws IOException {
        String corpora = System.getProperty("casekit.corpora", "");
        Path file = Path.of(corpora, "naughty-strings", "blns.base64.json");
        Assumptions.assumeTrue(!corpora.isEmpty() && Files.isRegularFile(file),
                () -> "Skipped: the naughty strings corpus is not at " + file + " (system property casekit.corpora)");
        Matcher quoted = Pattern.compile("\"([A-Za-z0-9+/=]*)\"").matcher(Files.readString(file));
        List<String> strings = new ArrayList<>();
        while (quoted.find()) {
            byte[] bytes = Base64.getDecoder().decode(quoted.group(1));
            try {
                String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
                if (s.indexOf('\u0000') < 0) {
                    strings.add(s);
                }
            } catch (CharacterCodingException e) {
                // Not UTF-8: no case can hold it, so it is no test of the store.
            }
        }
        assertThat(strings).hasSizeGreaterThan(400);
        return strings;
    }
}
