package io.casekit.example.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON as a hostile client writes it: objects may repeat a key, strings may hold lone surrogates and
 * be written with raw control characters or raw (CESU) surrogates, numbers are literal text, and
 * raw bytes can stand anywhere. A general JSON library can write none of that on purpose.
 */
final class Json {
    private Json() {}

    /** How the characters of a string are written. */
    enum Escape {
        /** Quote, backslash and controls escaped; lone surrogates as {@code \\uXXXX}; the rest as UTF-8. */
        STANDARD,
        /** As {@link #STANDARD}, and every character outside ASCII as {@code \\uXXXX}. */
        ASCII,
        /** As {@link #STANDARD}, but U+0000–U+001F as the raw bytes, which JSON forbids in a string. */
        RAW_CONTROLS,
        /** As {@link #STANDARD}, but a lone surrogate as its three raw (CESU-8) bytes, which UTF-8 forbids. */
        RAW_SURROGATES
    }

    sealed interface Value permits Obj, Arr, Str, Num, Bool, Null, Raw {}

    record Member(Str key, Value value) {
        Member(String key, Value value) {
            this(new Str(key), value);
        }
    }

    /** An object; its members in order, a key possibly repeated. */
    record Obj(List<Member> members) implements Value {
        Obj {
            members = new ArrayList<>(members);
        }
    }

    record Arr(List<Value> elements) implements Value {}

    record Str(String text, Escape escape) implements Value {
        Str(String text) {
            this(text, Escape.STANDARD);
        }

        /** Whether the written string is not JSON, or not UTF-8. */
        boolean malformed() {
            return switch (escape) {
                case RAW_CONTROLS -> text.chars().anyMatch(c -> c < 0x20);
                case RAW_SURROGATES -> TextRule.hasLoneSurrogate(text);
                default -> false;
            };
        }
    }

    /** A number as its literal text, written as given (valid JSON or not). */
    record Num(String literal) implements Value {}

    record Bool(boolean value) implements Value {}

    record Null() implements Value {}

    /** Bytes written as they are. */
    record Raw(byte[] bytes) implements Value {}

    static Str str(String text) {
        return new Str(text);
    }

    static Obj obj(Member... members) {
        return new Obj(List.of(members));
    }

    static byte[] write(Value value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(value, out);
        return out.toByteArray();
    }

    private static void write(Value value, ByteArrayOutputStream out) {
        if (value instanceof Obj o) {
            out.write('{');
            for (int i = 0; i < o.members().size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                write(o.members().get(i).key(), out);
                out.write(':');
                write(o.members().get(i).value(), out);
            }
            out.write('}');
        } else if (value instanceof Arr a) {
            out.write('[');
            for (int i = 0; i < a.elements().size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                write(a.elements().get(i), out);
            }
            out.write(']');
        } else if (value instanceof Str s) {
            writeString(s, out);
        } else if (value instanceof Num n) {
            out.writeBytes(n.literal().getBytes(StandardCharsets.UTF_8));
        } else if (value instanceof Bool b) {
            out.writeBytes((b.value() ? "true" : "false").getBytes(StandardCharsets.US_ASCII));
        } else if (value instanceof Null) {
            out.writeBytes("null".getBytes(StandardCharsets.US_ASCII));
        } else {
            out.writeBytes(((Raw) value).bytes());
        }
    }

    private static void writeString(Str s, ByteArrayOutputStream out) {
        out.write('"');
        String text = s.text();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (c == '"' || c == '\\') {
                out.write('\\');
                out.write(c);
            } else if (c < 0x20) {
                if (s.escape() == Escape.RAW_CONTROLS) {
                    out.write(c);
                } else {
                    writeEscape(c, out);
                }
            } else if (c < 0x80) {
                out.write(c);
            } else if (s.escape() == Escape.ASCII) {
                writeEscape(c, out);
                if (pair) {
                    writeEscape(text.charAt(++i), out);
                }
            } else if (pair) {
                out.writeBytes(text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8));
                i++;
            } else if (Character.isSurrogate(c)) {
                if (s.escape() == Escape.RAW_SURROGATES) {
                    out.write(0xE0 | (c >> 12));
                    out.write(0x80 | ((c >> 6) & 0x3F));
                    out.write(0x80 | (c & 0x3F));
                } else {
                    writeEscape(c, out);
                }
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        out.write('"');
    }

    private static void writeEscape(char c, ByteArrayOutputStream out) {
        out.writeBytes(String.format("\\u%04x", (int) c).getBytes(StandardCharsets.US_ASCII));
    }

    /** The JSON Pointer of a {@code caseInfo} key: {@code ~} and {@code /} escaped. */
    static String pointer(String key) {
        return "/caseInfo/" + key.replace("~", "~0").replace("/", "~1");
    }

    /** A short printable form of {@code bytes} for a failure message. */
    static String preview(byte[] bytes) {
        String shown = printable(new String(bytes, 0, Math.min(bytes.length, 700), StandardCharsets.UTF_8));
        return bytes.length > 700 ? shown + "… (" + bytes.length + " bytes)" : shown;
    }

    /** {@code text} with control characters, lone surrogates and U+FFFD shown as {@code <XX>}, safe to print. */
    static String printable(String text) {
        StringBuilder shown = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFD) {
                shown.append(String.format("<%02X>", cp));
            } else {
                shown.appendCodePoint(cp);
            }
        });
        return shown.toString();
    }
}
