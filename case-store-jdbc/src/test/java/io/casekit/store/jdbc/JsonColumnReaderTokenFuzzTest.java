package io.casekit.store.jdbc;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Columns strung together from JSON tokens at random (structural chars, the shapes' keys, literals,
 * numbers, strings with escapes and surrogates, whitespace and a few invalid chars), so that nearly
 * valid columns of every shape are met: {@link JsonColumnReader} must read each as
 * {@link JacksonValueColumnsOracle} does, as extensions and as changes.
 */
class JsonColumnReaderTokenFuzzTest {
    private static final List<String> TOKENS = List.of("{", "}", "[", "]", ",", ":", "{", "}", "[", "]", ",", ":",
            "\"a\"", "\"b\"", "\"\"", "\"decimal\"", "\"date\"", "\"dateTime\"", "\"field\"", "\"old\"", "\"new\"",
            "\"1.5\"", "\"-0\"", "\"2020-01-01\"", "\"2020-01-01 10:00:00\"", "null", "true", "false", "0", "-0", "1e3",
            " ", "\t", "\n", "\r", "\u000b", "\u00a0", "\"\\u0000\"", "\"\\ud83d\\ude00\"", "\"\\ud83d\"", "\"\\ude00\"",
            "\"" + (char) 0xd83d + "\"", "\"\\n\\\"\"", "\"\\", "\"", "nul", "tru", "/", "#", "'a'", "a", "\u0000");

    @Test
    void randomTokenStringsAreReadAlikeByBoth() {
        Random random = new Random(20261201);
        StringBuilder column = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            column.setLength(0);
            int tokens = 1 + random.nextInt(i % 2 == 0 ? 12 : 30);
            // half the columns start as a shape does, so that they get past the first token
            if (random.nextBoolean()) {
                column.append(random.nextBoolean() ? "{\"a\":" : "[{\"field\":\"f\",\"old\":null,\"new\":");
            }
            for (int t = 0; t < tokens; t++) {
                column.append(TOKENS.get(random.nextInt(TOKENS.size())));
            }
            JsonColumnReaderPropertyTest.agreeOnBoth(column.toString());
        }
    }
}
