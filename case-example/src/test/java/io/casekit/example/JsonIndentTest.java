package io.casekit.example;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonIndentTest {
    @Test
    void valuesAreCopiedExactlyAndOnlyTheLayoutChanges() {
        String json = "{\"a\":12.50,\"b\":1E+3,\"c\":\"{[\\\"x\\\": ,]}\",\"d\":[],\"e\":{},\"f\":[true,null]}";

        assertThat(JsonIndent.indent(json)).isEqualTo("""
                {
                  "a": 12.50,
                  "b": 1E+3,
                  "c": "{[\\"x\\": ,]}",
                  "d": [],
                  "e": {},
                  "f": [
                    true,
                    null
                  ]
                }""");
    }

    @Test
    void whitespaceInsideStringsIsKept() {
        assertThat(JsonIndent.indent("[\"a b\\\\\", \" \"]")).isEqualTo("[\n  \"a b\\\\\",\n  \" \"\n]");
    }
}
