package io.casekit.store.jdbc;

import io.casekit.core.Value;
import io.casekit.core.WireFormats;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The small text encoding in which the store keeps typed values in a single column: extension
 * values, history changes and template definitions. It is exact (every string is kept char for
 * char, whatever it contains, because it is length-prefixed rather than escaped) and
 * self-describing (each value starts with a tag that names its kind).
 *
 * <pre>
 * string   := length ':' chars          length = decimal count of UTF-16 chars
 * value    := 's' string                 Text
 *           | 'n' string                 Decimal, as BigDecimal.toString() (keeps the scale)
 *           | 'd' string                 Date, uuuu-MM-dd
 *           | 't' string                 DateTime, uuuu-MM-dd HH:mm:ss
 *           | 'b' ('1' | '0')            Bool
 *           | 'l' count ':' string*      TextList
 * optional := '-' | value
 * </pre>
 *
 * For example the extension map {@code {refund: 12.50, tags: [vip]}} is
 * {@code 6:refundn5:12.504:tagsl1:3:vip}. Not thread-safe: one writer or reader per use.
 */
final class TaggedText {
    private TaggedText() {}

    /** Appends values to a text. */
    static final class Writer {
        private final StringBuilder out = new StringBuilder(64);

        Writer string(String value) {
            out.append(value.length()).append(':').append(value);
            return this;
        }

        Writer value(Value value) {
            if (value instanceof Value.Text t) {
                out.append('s');
                string(t.value());
            } else if (value instanceof Value.Decimal d) {
                out.append('n');
                string(d.value().toString());
            } else if (value instanceof Value.Date d) {
                out.append('d');
                string(WireFormats.format(d.value()));
            } else if (value instanceof Value.DateTime d) {
                out.append('t');
                string(WireFormats.format(d.value()));
            } else if (value instanceof Value.Bool b) {
                out.append('b').append(b.value() ? '1' : '0');
            } else if (value instanceof Value.TextList l) {
                out.append('l').append(l.values().size()).append(':');
                l.values().forEach(this::string);
            } else {
                throw new IllegalArgumentException("no encoding for " + value.getClass());
            }
            return this;
        }

        Writer optional(Optional<Value> value) {
            if (value.isPresent()) {
                value(value.get());
            } else {
                out.append('-');
            }
            return this;
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }

    /**
     * Reads values back. Strict: anything that is not exactly what a {@link Writer} writes is a
     * {@link MalformedColumnException}.
     */
    static final class Reader {
        private final String in;
        private int at;

        Reader(String in) {
            this.in = in;
        }

        boolean atEnd() {
            return at == in.length();
        }

        void end() {
            if (!atEnd()) {
                throw malformed("trailing data");
            }
        }

        String string() {
            int length = count();
            if (length > in.length() - at) {
                throw malformed("a string runs past the end");
            }
            String value = in.substring(at, at + length);
            at += length;
            return value;
        }

        Value value() {
            char tag = next();
            return switch (tag) {
                case 's' -> new Value.Text(string());
                case 'n' -> new Value.Decimal(decimal(string()));
                case 'd' -> new Value.Date(date(string()));
                case 't' -> new Value.DateTime(dateTime(string()));
                case 'b' -> new Value.Bool(bool());
                case 'l' -> {
                    int size = count();
                    List<String> items = new ArrayList<>(Math.min(size, 1024));
                    for (int i = 0; i < size; i++) {
                        items.add(string());
                    }
                    yield new Value.TextList(items);
                }
                default -> throw malformed("unknown value tag");
            };
        }

        Optional<Value> optional() {
            if (!atEnd() && in.charAt(at) == '-') {
                at++;
                return Optional.empty();
            }
            return Optional.of(value());
        }

        private boolean bool() {
            return switch (next()) {
                case '1' -> true;
                case '0' -> false;
                default -> throw malformed("a boolean is 1 or 0");
            };
        }

        /** A decimal count followed by ':'; at most 9 digits, so it can not overflow. */
        private int count() {
            int start = at;
            int value = 0;
            while (!atEnd() && in.charAt(at) >= '0' && in.charAt(at) <= '9' && at - start < 9) {
                value = value * 10 + (in.charAt(at) - '0');
                at++;
            }
            if (at == start || next() != ':') {
                throw malformed("a count is digits followed by ':'");
            }
            return value;
        }

        private char next() {
            if (atEnd()) {
                throw malformed("unexpected end");
            }
            return in.charAt(at++);
        }

        private BigDecimal decimal(String text) {
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                throw malformed("not a decimal");
            }
        }

        private LocalDate date(String text) {
            return ValueColumns.date(text).orElseThrow(() -> malformed("not a date"));
        }

        private LocalDateTime dateTime(String text) {
            return ValueColumns.dateTime(text).orElseThrow(() -> malformed("not a date-time"));
        }

        private MalformedColumnException malformed(String what) {
            return new MalformedColumnException(what + " at " + at);
        }
    }
}
