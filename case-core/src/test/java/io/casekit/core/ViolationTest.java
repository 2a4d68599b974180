package io.casekit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ViolationTest {
    @Test
    void params_are_listed_in_one_stable_order() {
        Violation v = new Violation("/caseInfo/title", ViolationCode.TOO_LONG,
                Map.of("maxBytes", 128L, "actualBytes", 129L, "zone", "UTC"), "m");
        assertThat(v.params().keySet()).containsExactly("actualBytes", "maxBytes", "zone");
    }

    @Test
    void paths_escape_as_rfc_6901_says() {
        assertThat(Violation.pathOf("title")).isEqualTo("/caseInfo/title");
        assertThat(Violation.pathOf("a~b/c")).isEqualTo("/caseInfo/a~0b~1c");
        assertThat(Violation.pathOf("~1")).isEqualTo("/caseInfo/~01");
    }
}
