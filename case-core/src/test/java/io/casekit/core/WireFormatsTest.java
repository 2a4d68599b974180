package io.casekit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The written-out parsers accept exactly what the strict {@code uuuu} formatters accept. */
class WireFormatsTest {

    /** Strings shaped like a date-time, with each character sometimes replaced. */
    @Provide
    Arbitrary<String> dateTimeLike() {
        Arbitrary<String> valid = Arbitraries.integers().between(0, 9999).flatMap(year ->
                Arbitraries.integers().between(0, 13).flatMap(month ->
                        Arbitraries.integers().between(0, 32).flatMap(day ->
                                Arbitraries.integers().between(0, 25).flatMap(hour ->
                                        Arbitraries.integers().between(0, 61).map(second -> String.format(
                                                "%04d-%02d-%02d %02d:%02d:%02d", year, month, day, hour,
                                                second % 60, second))))));
        return valid.flatMap(s -> Arbitraries.integers().between(-1, s.length() - 1).flatMap(at ->
                Arbitraries.of('0', '9', '-', ':', ' ', 'T', '+', '٣', 'a').map(c -> at < 0 ? s
                        : s.substring(0, at) + c + s.substring(at + 1))));
    }

    @Property(tries = 3000)
    void date_times_agree_with_the_strict_formatter(@ForAll("dateTimeLike") String text) {
        Optional<LocalDateTime> byFormatter;
        try {
            byFormatter = Optional.of(LocalDateTime.parse(text, WireFormats.DATE_TIME));
        } catch (DateTimeParseException e) {
            byFormatter = Optional.empty();
        }
        assertThat(WireFormats.parseDateTime(text)).isEqualTo(byFormatter);
    }

    @Property(tries = 3000)
    void dates_agree_with_the_strict_formatter(@ForAll("dateTimeLike") String dateTime) {
        String text = dateTime.substring(0, 10);
        Optional<LocalDate> byFormatter;
        try {
            byFormatter = Optional.of(LocalDate.parse(text, WireFormats.DATE));
        } catch (DateTimeParseException e) {
            byFormatter = Optional.empty();
        }
        assertThat(WireFormats.parseDate(text)).isEqualTo(byFormatter);
    }

    @Provide
    Arbitrary<LocalDateTime> anyDateTime() {
        // Years around the four-digit range and far outside it, where the formatter writes a sign.
        Arbitrary<Integer> years = Arbitraries.oneOf(Arbitraries.integers().between(-20, 10_020),
                Arbitraries.integers().between(-999_999_999, 999_999_999));
        return years.flatMap(year -> Arbitraries.integers().between(1, 12).flatMap(month ->
                Arbitraries.integers().between(1, 28).flatMap(day ->
                        Arbitraries.integers().between(0, 86_399).map(second ->
                                LocalDateTime.of(year, month, day, second / 3600, second / 60 % 60, second % 60)))));
    }

    @Property(tries = 3000)
    void date_times_are_written_as_the_strict_formatter_writes_them(@ForAll("anyDateTime") LocalDateTime value) {
        assertThat(WireFormats.format(value)).isEqualTo(WireFormats.DATE_TIME.format(value));
        assertThat(WireFormats.format(value.toLocalDate())).isEqualTo(WireFormats.DATE.format(value.toLocalDate()));
    }

    @Property
    void any_string_is_parsed_without_exception(@ForAll String text) {
        WireFormats.parseDateTime(text);
        WireFormats.parseDate(text);
    }
}
