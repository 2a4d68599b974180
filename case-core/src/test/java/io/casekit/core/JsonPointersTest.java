package io.casekit.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonPointersTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "title      | title",
            "a/b        | a~1b",
            "a~b        | a~0b",
            "~1         | ~01",
            "~0         | ~00",
            "/~         | ~1~0",
            "//         | ~1~1",
            "\"\"       | \"\"",
            "a b%25é    | a b%25é"})
    void tildeAndSlashAreEscapedAndNothingElse(String key, String token) {
        assertThat(JsonPointers.escape(key)).isEqualTo(token);
    }

    @Test
    void anEscapedTokenReadsBackAsTheKeyItCameFrom() {
        for (String key : new String[] {"~1", "~01", "a/~/b", "~~//", "plain"}) {
            String token = JsonPointers.escape(key);
            // RFC 6901 section 4: ~1 first, then ~0, so that "~01" reads back as "~1".
            assertThat(token.replace("~1", "/").replace("~0", "~")).isEqualTo(key);
            assertThat(token).doesNotContain("/");
        }
    }
}
