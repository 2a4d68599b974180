package io.casekit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class Utf8Test {
    @Test
    void counts_each_encoding_length() {
        assertThat(Utf8.encodedLength("")).isZero();
        assertThat(Utf8.encodedLength("a")).isEqualTo(1);
        assertThat(Utf8.encodedLength("é")).isEqualTo(2);
        assertThat(Utf8.encodedLength("中")).isEqualTo(3);
        assertThat(Utf8.encodedLength("😀")).isEqualTo(4);
        assertThat(Utf8.encodedLength("\uFFFF")).isEqualTo(3);
    }

    @Test
    void a_lone_surrogate_has_no_utf8_form() {
        assertThat(Utf8.encodedLength("a\uD800")).isEqualTo(-1);
        assertThat(Utf8.encodedLength("\uDC00a")).isEqualTo(-1);
        assertThat(Utf8.encodedLength("\uD800\uD800\uDC00")).isEqualTo(-1);
        assertThat(Utf8.indexOfLoneSurrogate("ab\uDC00")).isEqualTo(2);
        assertThat(Utf8.indexOfLoneSurrogate("😀x")).isEqualTo(-1);
    }

    @Property
    void agrees_with_the_jdk_encoder_on_valid_strings(@ForAll String text) {
        if (Utf8.indexOfLoneSurrogate(text) >= 0) {
            assertThat(Utf8.encodedLength(text)).isEqualTo(-1);
        } else {
            assertThat(Utf8.encodedLength(text)).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
        }
    }

    @Test
    void wire_formats_are_strict() {
        assertThat(WireFormats.parseDateTime("2024-02-29 00:00:00")).isPresent();
        assertThat(WireFormats.parseDateTime("2023-02-29 00:00:00")).isEmpty();
        assertThat(WireFormats.parseDateTime("2024-12-30 00:00:00").orElseThrow().getYear()).isEqualTo(2024);
        assertThat(WireFormats.parseDate("2024-12-30").orElseThrow().getYear()).isEqualTo(2024);
        assertThat(WireFormats.parseDate("2024-13-01")).isEmpty();
        assertThat(WireFormats.format(java.time.LocalDateTime.of(2024, 12, 30, 1, 2, 3))).isEqualTo("2024-12-30 01:02:03");
    }
}
