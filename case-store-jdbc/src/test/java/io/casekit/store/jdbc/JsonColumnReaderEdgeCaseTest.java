package io.casekit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hand-picked edge cases for {@link JsonColumnReader} against {@link JacksonValueColumnsOracle}: bounds
 * counted before and after unescaping, surrogates in every escaped/raw mix, an escaped NUL, whitespace
 * in every position, numbers and deep nesting in a value position, empty names. Each column must be
 * accepted by both with equal results (as extensions and as changes), or refused by both.
 */
class JsonColumnReaderEdgeCaseTest {
    private static final int NAME = JsonColumnReader.MAX_NAME_LENGTH;

    static Stream<String> columns() {
        List<String> c = new ArrayList<>();
        // empty names and odd but valid names
        c.add("{\"\":\"x\"}");
        c.add("{\"\":\"x\",\"\\u0000\":\"y\"}");
        c.add("{\"a\":{\"\":\"1\"}}");
        c.add("[{\"field\":\"\",\"old\":null,\"new\":\"x\"}]");
        c.add("{\"\\u0000\":\"\\u0000\"}");
        c.add("{\"a\":\"\\u0000\\u0000x\"}");
        c.add("{\"a\":[\"\\u0000\",\"\"]}");
        // surrogates in values: every escaped/raw mix, paired and unpaired
        String eh = "\\" + "ud83d";
        String el = "\\" + "ude00";
        String rh = String.valueOf((char) 0xd83d);
        String rl = String.valueOf((char) 0xde00);
        for (String s : List.of(eh + el, rh + el, eh + rl, rh + rl, el + eh, eh, el, rh, rl, "\\u" + "D83D" + "\\u" + "DE00", eh.toUpperCase() + el,
                eh + eh + el, eh + "x", rl + rh, eh + rh + rl, rh + eh + el)) {
            c.add("{\"a\":\"" + s + "\"}");
            c.add("{\"a\":[\"" + s + "\"]}");
            c.add("{\"" + s + "\":true}");
            c.add("{\"a\":{\"" + s + "\":\"1\"}}");
            c.add("[{\"field\":\"" + s + "\",\"old\":null,\"new\":\"" + s + "\"}]");
        }
        // an escaped pair in a name followed by more escapes, raw chars, a second pair
        c.add("{\"\\ud83d\\ude00\\ud83d\\ude00\":true}");
        c.add("{\"x\\ud83d\\ude00y\\n\":true}");
        c.add("{\"\\ud83d\\u005c\":true}");
        c.add("{\"\\ud83d\\\\ude00\":true}");
        c.add("{\"\\ud83d\\");
        c.add("{\"\\ud83d\\u");
        c.add("{\"\\ud83d\\ude0");
        c.add("{\"\\ud83d\\ude0\":true}");
        c.add("{\"\\ud83d\\udeZZ\":true}");
        // whitespace everywhere
        c.add(" \t\r\n{ \t\r\n\"a\" \t\r\n: \t\r\n{ \t\r\n\"decimal\" \t\r\n: \t\r\n\"1\" \t\r\n} \t\r\n} \t\r\n");
        c.add("\r\n[ { \"field\" : \"f\" , \"old\" : null , \"new\" : [ \"x\" , \"y\" ] } ] \r\n");
        c.add("{\"a\":[ ]}");
        c.add("{\"a\":{ }}");
        c.add("{ }");
        c.add("[ ]");
        c.add("{\"a\":true\u000b}");
        c.add("{\"a\":true\u0085}");
        c.add("{\"a\":true\u3000}");
        c.add("{\"a\":\u00a0true}");
        c.add("{\"a\":true}\r");
        c.add("{\"a\":true}\u0000");
        c.add("[{\"field\":\"f\",\"old\": null\t,\"new\":\"x\"}]");
        c.add("[{\"field\":\"f\",\"old\":\tnull,\"new\":\"x\"}]");
        // literals next to other chars
        c.add("{\"a\":true}");
        c.add("{\"a\":true }");
        c.add("{\"a\":true\t}");
        c.add("{\"a\":true,\"b\":false}");
        c.add("{\"a\":truefalse}");
        c.add("{\"a\":true\"b\"}");
        c.add("{\"a\":true:}");
        c.add("{\"a\":true-}");
        c.add("{\"a\":true$}");
        c.add("{\"a\":true_}");
        c.add("{\"a\":true\u00e9}");
        c.add("{\"a\":true\u0660}");
        c.add("{\"a\":true[}");
        c.add("{\"a\":true{}");
        c.add("{\"a\":true/}");
        c.add("{\"a\":true#}");
        c.add("[{\"field\":\"f\",\"old\":null}]");
        c.add("[{\"field\":\"f\",\"old\":null,\"new\":\"x\"}]");
        c.add("[{\"field\":\"f\",\"old\":null\"new\":\"x\"}]");
        c.add("[{\"field\":\"f\",\"old\":null:,\"new\":\"x\"}]");
        c.add("[{\"field\":\"f\",\"old\":null-,\"new\":\"x\"}]");
        c.add("[{\"field\":\"f\",\"old\":nullnull,\"new\":\"x\"}]");
        c.add("[{\"field\":\"f\",\"old\":null]");
        // numbers in value positions
        for (String n : List.of("-0", "0", "-0.0", "1e5", "1E+5", "1e-5", "-1.5E-300", "1e999999999", "0.0e0",
                "123456789012345678901234567890", "9".repeat(1001), "9".repeat(999), "01", "-", "1.", ".5", "+1", "1e", "0x10",
                "Infinity", "-Infinity", "NaN")) {
            c.add("{\"a\":" + n + "}");
            c.add("{\"a\":[" + n + "]}");
            c.add("{\"a\":{\"decimal\":" + n + "}}");
            c.add("{\"a\":{\"decimal\":\"" + n + "\"}}");
            c.add("[{\"field\":\"f\",\"old\":null,\"new\":" + n + "}]");
            c.add("[{\"field\":" + n + ",\"old\":null,\"new\":\"x\"}]");
            c.add("{}" + n);
            c.add("[]" + n);
            c.add("{} " + n);
        }
        // deep nesting in a value position
        c.add("{\"a\":" + "[".repeat(600) + "]".repeat(600) + "}");
        c.add("{\"a\":" + "[".repeat(2000) + "}");
        c.add("{\"a\":{\"decimal\":" + "{\"x\":".repeat(600) + "\"1\"" + "}".repeat(600) + "}}");
        c.add("{\"a\":" + "{\"b\":".repeat(600) + "true" + "}".repeat(600) + "}");
        c.add("[{\"field\":\"f\",\"old\":null,\"new\":" + "[".repeat(600) + "]".repeat(600) + "}]");
        c.add("{}" + "[".repeat(600));
        c.add("[]" + "{".repeat(600));
        // tagged value objects: duplicated, reordered, extra keys
        c.add("{\"a\":{\"decimal\":\"1\",\"decimal\":\"1\"}}");
        c.add("{\"a\":{\"decimal\":\"1\",\"date\":\"2020-01-01\"}}");
        c.add("{\"a\":{\"date\":\"2020-01-01\",\"date\":\"2020-01-02\"}}");
        c.add("{\"a\":{\"decimal\":\"1\"},\"a\":{\"decimal\":\"1\"}}");
        c.add("{\"a\":{\"dec\\u0069mal\":\"1e3\"}}");
        c.add("{\"a\":{\"decimal\":\"-0\"}}");
        c.add("{\"a\":{\"decimal\":\"1E+3\"}}");
        c.add("{\"a\":{\"decimal\":\" 1\"}}");
        c.add("{\"a\":{\"decimal\":\"\\u0031\"}}");
        c.add("{\"a\":{\"date\":\"2020-01-01 \"}}");
        c.add("{\"a\":{\"dateTime\":\"2020-01-01 00:00:00\",}}");
        c.add("{\"a\":{\"dateTime\":\"2020-01-01 00:00:00\"}");
        c.add("{\"a\":{\"dateTime\" \"2020-01-01 00:00:00\"}}");
        c.add("[{\"old\":null,\"field\":\"f\",\"new\":{\"decimal\":\"1\"}}]");
        c.add("[{\"new\":{\"decimal\":\"1\"},\"old\":{\"decimal\":\"1.0\"},\"field\":\"f\"}]");
        c.add("[{\"new\":{\"decimal\":\"1\"},\"old\":{\"decimal\":\"1\"},\"field\":\"f\"}]");
        c.add("[{\"field\":\"f\",\"old\":null,\"new\":\"x\"},{\"field\":\"f\",\"old\":null,\"new\":\"x\"}]");
        c.add("[{\"fie\\u006cd\":\"f\",\"old\":null,\"new\":\"x\"}]");
        // keys that differ from known keys by a char
        c.add("[{\"field \":\"f\",\"old\":null,\"new\":\"x\"}]");
        c.add("[{\"Field\":\"f\",\"old\":null,\"new\":\"x\"}]");
        // unusual escapes
        c.add("{\"a\":\"\\/\\b\\f\\n\\r\\t\\\"\\\\\"}");
        c.add("{\"\\/\\b\\f\\n\\r\\t\\\"\\\\\":true}");
        c.add("{\"a\":\"\\uFFFF\\uFFFE\\uFEFF\"}");
        c.add("{\"\\uFFFF\":true}");
        c.add("{\"a\":\"\\u00E9\\u00e9\"}");
        c.add("{\"a\":\"\u007f\"}");
        c.add("{\"a\":\"\\u007f\"}");
        c.add("{\"a\":\"\\u001f\\u0020\"}");
        c.add("{\"a\":\"x\\");
        c.add("{\"a\":\"x\\\"");
        c.add("{\"a\":\"x\\u\"}");
        c.add("{\"a\":\"x\\u00\"}");
        c.add("{\"a\":\"x\\u000\"}");
        c.add("{\"a\":\"x\\u-123\"}");
        c.add("{\"a\":\"x\\u+123\"}");
        c.add("{\"a\":\"x\\u 123\"}");
        c.add("{\"a\":\"x\\u\uff11234\"}");
        // names at the bound, raw and escaped
        c.add("{\"" + "n".repeat(NAME) + "\":true}");
        c.add("{\"" + "n".repeat(NAME + 1) + "\":true}");
        c.add("{\"" + "n".repeat(NAME - 1) + "\\n\":true}");
        c.add("{\"" + "n".repeat(NAME) + "\\n\":true}");
        c.add("{\"" + "\\u006e".repeat(NAME) + "\":true}");
        c.add("{\"" + "\\u006e".repeat(NAME + 1) + "\":true}");
        c.add("{\"" + "n".repeat(NAME - 2) + "\\ud83d\\ude00\":true}");
        c.add("{\"" + "n".repeat(NAME - 1) + "\\ud83d\\ude00\":true}");
        c.add("{\"" + "n".repeat(NAME - 2) + rh + rl + "\":true}");
        c.add("{\"" + "n".repeat(NAME - 1) + rh + rl + "\":true}");
        c.add("{\"a\":{\"" + "n".repeat(NAME + 1) + "\":\"1\"}}");
        c.add("[{\"" + "n".repeat(NAME + 1) + "\":\"f\",\"old\":null,\"new\":\"x\"}]");
        c.add("{\"" + "n".repeat(NAME + 1));
        c.add("{\"" + "n".repeat(NAME + 1) + "\"");
        // a long value, escaped and raw
        c.add("{\"a\":\"" + "v".repeat(200_000) + "\"}");
        c.add("{\"a\":\"" + "\\u0076".repeat(60_000) + "\"}");
        c.add("{\"a\":[\"" + "v".repeat(70_000) + "\",\"" + "\\n".repeat(70_000) + "\"]}");
        c.add("[{\"field\":\"" + "f".repeat(NAME + 1) + "\",\"old\":null,\"new\":\"x\"}]");
        return c.stream();
    }

    @ParameterizedTest
    @MethodSource("columns")
    void bothReadersAgree(String column) {
        JsonColumnReaderPropertyTest.agreeOnBoth(column);
    }

    /** Every column above that the new reader refuses is refused with a short message. */
    @ParameterizedTest
    @MethodSource("columns")
    void aRefusalHasAShortMessage(String column) {
        for (Supplier<?> read : List.<Supplier<?>>of(() -> ValueColumns.extensions(column), () -> ValueColumns.changes(column))) {
            try {
                read.get();
            } catch (MalformedColumnException e) {
                assertThat(e.getMessage()).hasSizeLessThan(200);
            }
        }
    }

    /**
     * The message of a refusal never holds the column's content, whichever part of it is wrong, and
     * stays short (ValueColumns once put a value object's kind and a change's unknown key into the
     * message, up to 50,000 chars of the column).
     */
    @Test
    void aRefusalNeverQuotesTheColumn() {
        String longKey = "SECRET" + "k".repeat(NAME - 6);
        SoftAssertions softly = new SoftAssertions();
        for (String column : List.of("{\"a\":{\"SECRET\":1}}", "{\"a\":{\"SECRET\":\"1\"}}",
                "[{\"field\":\"f\",\"SECRET\":null,\"new\":\"x\"}]", "[{\"field\":\"f\",\"old\":{\"SECRET\":true},\"new\":\"x\"}]",
                "{\"a\":{\"" + longKey + "\":\"1\"}}", "[{\"" + longKey + "\":\"f\",\"old\":null,\"new\":\"x\"}]")) {
            for (Supplier<?> read : List.<Supplier<?>>of(() -> ValueColumns.extensions(column), () -> ValueColumns.changes(column))) {
                softly.assertThatThrownBy(read::get).as(column.length() > 200 ? "a long key" : column)
                        .isInstanceOf(MalformedColumnException.class)
                        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("SECRET").hasSizeLessThan(200));
            }
        }
        softly.assertAll();
    }
}
