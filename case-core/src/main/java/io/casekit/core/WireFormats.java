package io.casekit.core;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
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

    /**
     * Parses a wire date-time, or returns empty when {@code text} is not exactly one. Accepts
     * exactly what {@link #DATE_TIME} accepts for four-digit years (a test holds the two to that);
     * it is written out because the formatter costs more than the rest of a request's checks.
     */
    public static Optional<LocalDateTime> parseDateTime(String text) {
        if (text.length() != 19 || text.charAt(10) != ' ' || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return Optional.empty();
        }
        LocalDate date = date(text);
        int hour = twoDigits(text, 11);
        int minute = twoDigits(text, 14);
        int second = twoDigits(text, 17);
        if (date == null || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return Optional.empty();
        }
        return Optional.of(LocalDateTime.of(date, java.time.LocalTime.of(hour, minute, second)));
    }

    /** Parses a wire date, or returns empty when {@code text} is not exactly one; as {@link #DATE} does. */
    public static Optional<LocalDate> parseDate(String text) {
        return text.length() == 10 ? Optional.ofNullable(date(text)) : Optional.empty();
    }

    /** The date in the first ten characters of {@code text}, or null. */
    private static LocalDate date(String text) {
        if (text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = twoDigits(text, 0) * 100 + twoDigits(text, 2);
        int month = twoDigits(text, 5);
        int day = twoDigits(text, 8);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    /** The number written by two ASCII digits at {@code at}, or a negative number when they are not digits. */
    private static int twoDigits(String text, int at) {
        int tens = text.charAt(at) - '0';
        int ones = text.charAt(at + 1) - '0';
        if (tens < 0 || tens > 9 || ones < 0 || ones > 9) {
            return -10_000;
        }
        return tens * 10 + ones;
    }

    /**
     * The wire text of a date-time; seconds are kept, fractions are not representable. Written out
     * for the years 0 to 9999 (a test holds it equal to {@link #DATE_TIME}), by the formatter for
     * others.
     */
    public static String format(LocalDateTime value) {
        if (!isFourDigitYear(value.getYear())) {
            return DATE_TIME.format(value);
        }
        char[] text = new char[19];
        writeDate(text, value.getYear(), value.getMonthValue(), value.getDayOfMonth());
        text[10] = ' ';
        writeTwoDigits(text, 11, value.getHour());
        text[13] = ':';
        writeTwoDigits(text, 14, value.getMinute());
        text[16] = ':';
        writeTwoDigits(text, 17, value.getSecond());
        return new String(text);
    }

    /** The wire text of a date. */
    public static String format(LocalDate value) {
        if (!isFourDigitYear(value.getYear())) {
            return DATE.format(value);
        }
        char[] text = new char[10];
        writeDate(text, value.getYear(), value.getMonthValue(), value.getDayOfMonth());
        return new String(text);
    }

    private static boolean isFourDigitYear(int year) {
        return year >= 0 && year <= 9999;
    }

    private static void writeDate(char[] text, int year, int month, int day) {
        writeTwoDigits(text, 0, year / 100);
        writeTwoDigits(text, 2, year % 100);
        text[4] = '-';
        writeTwoDigits(text, 5, month);
        text[7] = '-';
        writeTwoDigits(text, 8, day);
    }

    private static void writeTwoDigits(char[] text, int at, int value) {
        text[at] = (char) ('0' + value / 10);
        text[at + 1] = (char) ('0' + value % 10);
    }
}
