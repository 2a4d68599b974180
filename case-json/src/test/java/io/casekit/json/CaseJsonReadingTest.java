package io.casekit.json;

import static io.casekit.json.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casekit.core.CaseModification;
import io.casekit.core.InputValue;
import io.casekit.core.Patch;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What {@link CaseJson} makes of request bodies: every value faithfully, every malformed body refused. */
class CaseJsonReadingTest {
    private final CaseJson json = CaseJson.create();

    private Map<String, InputValue> caseInfo(String members) {
        return json.readCaseInfo(utf8("{\"caseInfo\":{" + members + "}}"));
    }

    private String refusal(byte[] body) {
        try {
            json.readCaseInfo(body);
        } catch (UnreadableJsonException e) {
            assertThat(e.resCode()).isEqualTo(ResCode.MALFORMED_REQUEST);
            return e.getMessage();
        }
        throw new AssertionError("accepted: " + new String(body, java.nio.charset.StandardCharsets.UTF_8));
    }

    private String refusal(String body) {
        return refusal(utf8(body));
    }

    @Test
    void the_three_states_of_a_field_and_the_empty_string_are_kept_apart() {
        CaseModification modification = json.readModification(utf8(
                "{\"caseInfo\":{\"ownerId\":null,\"contactPhone\":\"\",\"title\":\"t\"}}"));

        assertThat(modification.patch("ownerId")).isEqualTo(Patch.clear());
        assertThat(modification.patch("contactPhone")).isEqualTo(Patch.set(InputValue.text("")));
        assertThat(modification.patch("title")).isEqualTo(Patch.set(InputValue.text("t")));
        assertThat(modification.patch("priority")).isEqualTo(Patch.absent());
        assertThat(modification.expectedVersion()).isEmpty();
    }

    @Test
    void every_json_type_is_delivered_as_sent_and_the_keys_stay_in_order() {
        Map<String, InputValue> info = caseInfo("\"z\":\"text\",\"y\":12,\"x\":true,\"w\":false,\"v\":null,"
                + "\"u\":[\"a\",1,[null]],\"t\":{\"nested\":{\"deeper\":[1]}},\"s\":\"\\u00e9\\ud83d\\ude00\"");

        assertThat(info.keySet()).containsExactly("z", "y", "x", "w", "v", "u", "t", "s");
        assertThat(info.get("z")).isEqualTo(InputValue.text("text"));
        assertThat(info.get("y")).isEqualTo(InputValue.number(new BigDecimal("12")));
        assertThat(info.get("x")).isEqualTo(InputValue.bool(true));
        assertThat(info.get("w")).isEqualTo(InputValue.bool(false));
        assertThat(info.get("v")).isEqualTo(InputValue.nullValue());
        assertThat(info.get("u")).isEqualTo(InputValue.array(List.of(InputValue.text("a"),
                InputValue.number(BigDecimal.ONE), InputValue.array(List.of(InputValue.nullValue())))));
        assertThat(info.get("t")).isEqualTo(InputValue.object());
        assertThat(info.get("s")).isEqualTo(InputValue.text("é😀"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.10", "12.50", "-0.000001", "1E+3", "1e400", "1E-400", "123456789012345678901234567890.123456789",
            "9007199254740993", "0.1", "-5", "2.5e-3"})
    void numbers_are_exact_decimals_scale_included_never_through_double(String number) {
        InputValue value = caseInfo("\"n\":" + number).get("n");

        assertThat(value).isInstanceOf(InputValue.Number.class);
        BigDecimal decoded = ((InputValue.Number) value).value();
        assertThat(decoded).isEqualTo(new BigDecimal(number)); // equals compares the scale too
    }

    @Test
    void strings_are_kept_exactly_even_those_the_validation_will_refuse() {
        Map<String, InputValue> info = caseInfo("\"nul\":\"a\\u0000b\",\"lone\":\"\\ud800\",\"spaces\":\"  x  \","
                + "\"escapes\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"");

        assertThat(info.get("nul")).isEqualTo(InputValue.text("a\u0000b"));
        assertThat(info.get("lone")).isEqualTo(InputValue.text("\ud800"));
        assertThat(info.get("spaces")).isEqualTo(InputValue.text("  x  "));
        assertThat(info.get("escapes")).isEqualTo(InputValue.text("\"\\/\b\f\n\r\t"));
    }

    @Test
    void a_draft_is_read_like_a_modification() {
        assertThat(json.readDraft(utf8(Fixtures.SEED_CREATE)).caseInfo()).containsEntry("type",
                InputValue.text(Fixtures.TYPE_ID)).hasSize(7);
    }

    @Test
    void whitespace_around_and_inside_the_document_is_json_whitespace() {
        assertThat(json.readCaseInfo(utf8(" \t\r\n{ \"caseInfo\" : { \"a\" : 1 } } \n"))).hasSize(1);
    }

    @Test
    void the_wrong_shape_is_refused_with_what_is_wrong() {
        assertThat(refusal("[]")).isEqualTo("Malformed request: the top level must be a JSON object with the single key caseInfo");
        assertThat(refusal("\"caseInfo\"")).contains("the top level must be a JSON object");
        assertThat(refusal("{}")).contains("the top-level object is empty");
        assertThat(refusal("{\"caseinfo\":{}}")).contains("the single key caseInfo, not another key");
        assertThat(refusal("{\"caseInfo\":null}")).contains("caseInfo must be a JSON object at line 1, column 13");
        assertThat(refusal("{\"caseInfo\":\"{}\"}")).contains("caseInfo must be a JSON object");
        assertThat(refusal("{\"caseInfo\":{},\"expectedVersion\":1}")).contains("not another key");
    }

    @Test
    void syntax_errors_duplicates_and_trailing_data_are_refused_with_a_location() {
        assertThat(refusal("{\"caseInfo\":{\"a\":1,}}")).startsWith("Malformed request: not well-formed JSON at line 1, column ");
        assertThat(refusal("{\"caseInfo\":{\"a\":1,\"a\":2}}")).contains("at line 1", "Duplicate");
        assertThat(refusal("{\"caseInfo\":{\"a\":{\"b\":1,\"b\":1}}}")).contains("Duplicate");
        assertThat(refusal("{\"caseInfo\":{},\"caseInfo\":{}}")).contains("Duplicate");
        assertThat(refusal("{\"caseInfo\":{}}x")).contains("not well-formed JSON");
        assertThat(refusal("{\"caseInfo\":{}}{}")).contains("data after the end of the JSON document");
        assertThat(refusal("{\"caseInfo\":{\"a\":NaN}}")).contains("not well-formed JSON");
        assertThat(refusal("{\"caseInfo\":{\"a\":'x'}}")).contains("not well-formed JSON");
        assertThat(refusal("{\"caseInfo\":{\"a\":1 /* c */}}")).contains("not well-formed JSON");
        assertThat(refusal("{\"caseInfo\":{\"a\":\"tab\tinside\"}}")).contains("not well-formed JSON");
        assertThat(refusal("{\"caseInfo\":{\"a\":01}}")).contains("not well-formed JSON");
        assertThat(refusal("{\"caseInfo\":{\"a\":1}")).contains("not well-formed JSON");
        // An unclosed object: the parser's reason ends where its pointer back into the source began.
        assertThat(refusal("{\"caseInfo\":{\"a\":1}")).isEqualTo("Malformed request: not well-formed JSON at line 1,"
                + " column 20: Unexpected end-of-input: expected close marker for Object");
    }

    @Test
    void the_refusal_never_names_the_parser_or_its_options() {
        for (String body : List.of("{\"caseInfo\":{\"a\":NaN}}", "{\"caseInfo\":{\"a\":\"\\x\"}}",
                "{\"caseInfo\":{a:1}}", "{\"caseInfo\":{\"a\":1 // c\n}}", "{\"caseInfo\":{\"a\":[1,]}}")) {
            assertThat(refusal(body)).doesNotContain("`", "Feature", "jackson", "Jackson", "Exception", "java.");
        }
    }

    @Test
    void encoding_problems_are_refused_before_parsing() {
        byte[] valid = utf8("{\"caseInfo\":{}}");
        byte[] withBom = new byte[valid.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(valid, 0, withBom, 3, valid.length);

        assertThat(refusal(withBom)).isEqualTo("Malformed request: the body starts with a byte-order mark");
        assertThat(refusal(new byte[0])).isEqualTo("Malformed request: the body is empty");
        assertThat(refusal(new byte[] {'{', '"', 'a', (byte) 0xC3, '"'})).isEqualTo("Malformed request: invalid UTF-8 at byte offset 3");
        assertThat(refusal(utf16("{\"caseInfo\":{}}", true))).contains("a NUL byte at offset 0");
        assertThat(refusal(utf16("{\"caseInfo\":{}}", false))).contains("a NUL byte at offset 1");
    }

    private static byte[] utf16(String text, boolean bigEndian) {
        return text.getBytes(bigEndian ? java.nio.charset.StandardCharsets.UTF_16BE : java.nio.charset.StandardCharsets.UTF_16LE);
    }

    @Test
    void the_limits_are_enforced_as_configured() {
        CaseJson strict = CaseJson.create(JsonLimits.defaults().withMaxNestingDepth(3).withMaxNumberLength(5)
                .withMaxNameLength(63));
        String longestName = "a".repeat(63);

        assertThat(strict.readCaseInfo(utf8("{\"caseInfo\":{\"" + longestName + "\":[12345]}}"))).hasSize(1);
        assertThatThrownBy(() -> strict.readCaseInfo(utf8("{\"caseInfo\":{\"a\":[[1]]}}")))
                .hasMessageContaining("exceeds a limit (nesting depth 3, number length 5 characters, key length 63 characters)");
        assertThatThrownBy(() -> strict.readCaseInfo(utf8("{\"caseInfo\":{\"a\":123456}}")))
                .hasMessageContaining("exceeds a limit");
        assertThatThrownBy(() -> strict.readCaseInfo(utf8("{\"caseInfo\":{\"" + longestName + "b\":1}}")))
                .hasMessageContaining("exceeds a limit");
    }

    @Test
    void a_number_with_an_extreme_exponent_is_refused() {
        assertThat(refusal("{\"caseInfo\":{\"n\":1e2147483647}}")).contains("a number whose exponent is beyond ±10000");
        assertThat(refusal("{\"caseInfo\":{\"n\":1e99999999999}}")).contains("a number whose exponent is beyond ±10000");
        assertThat(refusal("{\"caseInfo\":{\"n\":1e-10001}}")).contains("a number whose exponent is beyond ±10000");
        assertThat(caseInfo("\"n\":1e10000").get("n")).isEqualTo(InputValue.number(new BigDecimal("1e10000")));
    }

    @Test
    void the_limits_refuse_nonsense() {
        assertThatThrownBy(() -> JsonLimits.defaults().withMaxDocumentBytes(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonLimits.defaults().withMaxNestingDepth(2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonLimits.defaults().withMaxNameLength(62)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonLimits.defaults().withMaxDocumentBytes(Integer.MAX_VALUE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(JsonLimits.defaults()).isEqualTo(new JsonLimits(1_048_576, 32, 100, 256));
    }

    @Test
    void jackson_global_defaults_are_untouched() {
        tools.jackson.core.StreamReadConstraints before = tools.jackson.core.StreamReadConstraints.defaults();

        CaseJson.create(JsonLimits.defaults().withMaxNestingDepth(3)).readCaseInfo(utf8("{\"caseInfo\":{}}"));

        tools.jackson.core.StreamReadConstraints after = tools.jackson.core.StreamReadConstraints.defaults();
        assertThat(after).isSameAs(before);
        assertThat(after.getMaxNestingDepth()).isNotEqualTo(3);
        assertThat(after.getMaxNameLength()).isNotEqualTo(JsonLimits.DEFAULT_MAX_NAME_LENGTH);
    }
}
