package io.casekit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A string value at {@link JsonColumnReader#MAX_STRING_LENGTH} and one char past it, raw and with an
 * escape that makes the raw text one char longer than the value: read alike by {@link JsonColumnReader}
 * and {@link JacksonValueColumnsOracle}. Columns of 100 million chars take about 1 GB and seconds, so
 * this runs only with {@code -Dcasekit.bigStrings=true}.
 */
class JsonColumnReaderStringBoundTest {
    private static final int MAX = JsonColumnReader.MAX_STRING_LENGTH;

    @Test
    void aValueAtTheBoundIsReadAndOneCharMoreIsRefusedByBoth() {
        Assumptions.assumeTrue(Boolean.getBoolean("casekit.bigStrings"), "-Dcasekit.bigStrings=true runs it");
        agree("{\"a\":\"" + "v".repeat(MAX) + "\"}", true);
        agree("{\"a\":\"" + "v".repeat(MAX + 1) + "\"}", false);
        agree("{\"a\":\"" + "v".repeat(MAX - 1) + "\\n\"}", true);
        agree("{\"a\":\"" + "v".repeat(MAX) + "\\n\"}", false);
        agree("{\"a\":[\"" + "v".repeat(MAX) + "\"]}", true);
    }

    private static void agree(String column, boolean accepted) {
        Object now = JsonColumnReaderPropertyTest.outcome(() -> ValueColumns.extensions(column));
        Object before = JsonColumnReaderPropertyTest.outcome(() -> JacksonValueColumnsOracle.extensions(column));
        assertThat(now).isEqualTo(before);
        assertThat(now.equals(JsonColumnReaderPropertyTest.REFUSED)).isEqualTo(!accepted);
    }
}
