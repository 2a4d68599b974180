package io.casekit.core.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.core.Fixtures;
import io.casekit.core.Value;
import io.casekit.core.Violation;
import io.casekit.core.ViolationCode;
import io.casekit.core.template.CaseType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A filter text that no case can hold (U+0000, a lone surrogate) is refused with
 * {@code invalid_characters} at its path, in every filter that takes a text; the same text without
 * the character is valid.
 */
class QueryTextValidationTest {
    private static final CaseType COMPLAINT = Fixtures.complaint(Fixtures.TENANT);

    private static List<Violation> validate(CaseQuery query) {
        return QueryValidation.validate(query, id -> id.equals(COMPLAINT.id()) ? Optional.of(COMPLAINT) : Optional.empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "what\uDC00", "\uD800", "x\uD83D"})
    void everyTextFilterRefusesACharacterNoCaseHolds(String bad) {
        int index = bad.indexOf('\u0000') >= 0 ? bad.indexOf('\u0000') : bad.length() - 1;
        String character = String.format("U+%04X", (int) bad.charAt(index));
        CaseQuery query = CaseQuery.builder().type(COMPLAINT.id())
                .titleContains(bad)
                .in(CaseFilter.Party.OWNER_ID, "ok", bad)
                .contactPhone(bad)
                .extensionIn("AICC__notes__CST", Value.text(bad))
                .extensionContainsAny("AICC__tags__CST", bad)
                .build();

        List<Violation> found = validate(query);

        assertThat(found).extracting(Violation::path).containsExactlyInAnyOrder(
                "/filters/1/text", "/filters/2/values/1", "/filters/3/phone", "/filters/4/values/0",
                "/filters/5/values/0");
        assertThat(found).allSatisfy(v -> {
            assertThat(v.code()).isEqualTo(ViolationCode.INVALID_CHARACTERS);
            assertThat(v.params()).isEqualTo(Map.of("index", (long) index, "character", character));
            assertThat(v.message()).contains(character);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "😀 pair", "tab\tand\nbreaks", "%_\\"})
    void textsCasesCanHoldAreValid(String good) {
        CaseQuery query = CaseQuery.builder().type(COMPLAINT.id())
                .titleContains(good)
                .in(CaseFilter.Party.OWNER_ID, good)
                .contactPhone(good)
                .extensionIn("AICC__notes__CST", Value.text(good))
                .extensionContainsAny("AICC__tags__CST", good)
                .build();

        assertThat(validate(query)).isEmpty();
    }
}
