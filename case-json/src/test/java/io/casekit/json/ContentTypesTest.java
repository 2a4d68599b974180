package io.casekit.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContentTypesTest {
    @ParameterizedTest
    @ValueSource(strings = {"application/json", "APPLICATION/JSON", "application/json;charset=UTF-8",
            "application/json; charset=utf-8", "application/json;CHARSET=\"UTF-8\"", " application/json ; charset=utf-8 ",
            "application/json;", "application/json;;charset=utf-8"})
    void jsonWithoutCharsetOrInUtf8IsAccepted(String value) {
        assertThat(ContentTypes.isJsonInUtf8(List.of(value))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "text/json", "application/jsonx", "application/json+x", "application/*",
            "application/json; charset=latin1", "application/json; charset=utf8", "application/json; charset=\"utf-8",
            "application/json; charset=utf-8; charset=utf-8", "application/json; version=1", "application/json; charset",
            "application/json, text/plain"})
    void anythingElseIsRefused(String value) {
        assertThat(ContentTypes.isJsonInUtf8(List.of(value))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2})
    void noneOrSeveralAreRefused(int count) {
        assertThat(ContentTypes.isJsonInUtf8(java.util.Collections.nCopies(count, "application/json"))).isFalse();
    }
}
