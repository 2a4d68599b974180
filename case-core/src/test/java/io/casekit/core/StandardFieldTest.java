package io.casekit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StandardFieldTest {
    @Test
    void everyKeyOfTheCaseModelIsReservedAndNothingElse() {
        List<String> others = List.of(StandardField.ID, StandardField.TYPE, StandardField.CREATOR_ID,
                StandardField.VERSION, StandardField.CREATED_BY, StandardField.CREATED_AT, StandardField.UPDATED_AT,
                StandardField.STATUS, StandardField.STATE, StandardField.CLOSED_AT, StandardField.CLOSED_REASON,
                StandardField.CLOSED, StandardField.REOPENED);
        Arrays.stream(StandardField.values()).forEach(f -> assertThat(StandardField.isReserved(f.wireName()))
                .as(f.wireName()).isTrue());
        others.forEach(k -> assertThat(StandardField.isReserved(k)).as(k).isTrue());

        assertThat(StandardField.isReserved("closedReasonX")).isFalse();
        assertThat(StandardField.isReserved("Title")).isFalse();
        assertThat(StandardField.isReserved("")).isFalse();
        assertThat(StandardField.isReserved("AICC__severity__CST")).isFalse();
    }
}
