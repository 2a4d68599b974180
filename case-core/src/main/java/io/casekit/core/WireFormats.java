package io.casekit.core;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/**
 * The exact text forms of dates and date-times on the wire: {@code yyyy-MM-dd HH:mm:ss} and
 * {@code yyyy-MM-dd}. Parsing is strict: two-digit fields, no {@code T}, no offset, no fraction, no
 * surrounding spaces, and impossible dates ({@code 2023-02-29}, {@code 24:00:00}) are refused. The
 * patterns use {@code uuuu} (the proleptic year), never {@code YYYY} (the week-based year).
 */
public final class WireFormats {
    /** {@code uuuu-MM-dd HH:mm:ss}, strict. */
    public static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);
    /** {@code uuuu-MM-dd}, strict. */
    public static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private WireFormats() {}

    /** Parses a wire date-time, or returns empty when {@code text} is not exactly one. */
    public static Optional<LocalDateTime> parseDateTime(String text) {
        // The length check refuses 5-digit and signed years, which the formatter would accept.
        if (text.length() != 19) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(text, DATE_TIME));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Parses a wire date, or returns empty when {@code text} is not exactly one. */
    public static Optional<LocalDate> parseDate(String text) {
        if (text.length() != 10) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text, DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The wire text of a date-time; seconds are kept, fractions are not representable. */
    public static String format(LocalDateTime value) {
        return DATE_TIME.format(value);
    }

    /** The wire text of a date. */
    public static String format(LocalDate value) {
        return DATE.format(value);
    }
}
