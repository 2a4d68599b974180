package io.casekit.example.hostile;

import static io.casekit.example.hostile.Json.str;

import io.casekit.example.hostile.Json.Arr;
import io.casekit.example.hostile.Json.Bool;
import io.casekit.example.hostile.Json.Null;
import io.casekit.example.hostile.Json.Num;
import io.casekit.example.hostile.Json.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A key of {@code caseInfo} the fuzzer knows, with what domain-rules §2–§5 say about its values:
 * its kind, whether a request must carry it, a valid value, its limit, and values at and beyond
 * its rules with the answer each must get. The test type's fields are those of
 * {@code hostile/hostile-case-types.json}.
 */
record FuzzField(String key, Kind kind, boolean requiredOnModify, boolean requiredOnCreate, Value valid,
        Optional<TextRule> text, int maxBytes) {

    enum Kind {
        /** Free text: title, description, attachment, TEXT, TEXTAREA. */
        TEXT,
        /** Letters, digits, {@code -} and {@code _}, at most 20 bytes. */
        ID,
        /** The id a modify names: which case, not a value. */
        CASE_ID,
        /** The case type a create names. */
        TYPE,
        PHONE, EMAIL, URL, PRIORITY, DATETIME, DATE, PICKLIST, MULTI_PICKLIST, CHECKBOX, NUMBER;

        /** The JSON type the field takes. */
        JsonType jsonType() {
            return switch (this) {
                case NUMBER -> JsonType.NUMBER;
                case CHECKBOX -> JsonType.BOOLEAN;
                case MULTI_PICKLIST -> JsonType.ARRAY;
                default -> JsonType.STRING;
            };
        }
    }

    enum JsonType {
        STRING(str("12")), NUMBER(new Num("12")), BOOLEAN(new Bool(true)), ARRAY(new Arr(List.of(str("S1")))),
        OBJECT(Json.obj(new Json.Member("a", new Num("1")))), NULL(new Null());

        final Value example;

        JsonType(Value example) {
            this.example = example;
        }
    }

    static final String SEVERITY = "AICC__severity__CST";

    private static final Map<String, FuzzField> FIELDS = new LinkedHashMap<>();

    static {
        add(new FuzzField("id", Kind.ID, true, false, str("(fresh)"), Optional.empty(), 20));
        add(new FuzzField("type", Kind.TYPE, false, true, str(HostileHost.TYPE), Optional.empty(), 20));
        text(TextRule.TITLE, str("Printer on fire"));
        text(TextRule.DESCRIPTION, str("Third floor\nroom 3"));
        add(new FuzzField("ownerId", Kind.ID, false, false, str("10gg0000012IpiXMqxzk"), Optional.empty(), 20));
        add(new FuzzField("priority", Kind.PRIORITY, false, false, str("High"), Optional.empty(), 0));
        add(new FuzzField("dueDate", Kind.DATETIME, false, false, str("2023-06-20 00:00:00"), Optional.empty(), 0));
        add(new FuzzField("contactId", Kind.ID, false, true, str(HostileHost.CONTACT), Optional.empty(), 20));
        add(new FuzzField("creatorId", Kind.ID, true, true, str(HostileHost.CREATOR), Optional.empty(), 20));
        add(new FuzzField("contactPhone", Kind.PHONE, false, false, str("15151515152"), Optional.empty(), 20));
        text(TextRule.ATTACHMENT, str("https://files.example/a.pdf"));
        add(new FuzzField(SEVERITY, Kind.PICKLIST, false, true, str("S2"), Optional.empty(), 0));
        add(new FuzzField("AICC__refund__CST", Kind.NUMBER, false, false, new Num("12.50"), Optional.empty(), 0));
        text(TextRule.NOTES, str("call after 5pm"));
        text(TextRule.DETAILS, str("line 1\r\nline 2\ttabbed"));
        add(new FuzzField("AICC__tags__CST", Kind.MULTI_PICKLIST, false, false, new Arr(List.of(str("vip"))),
                Optional.empty(), 0));
        add(new FuzzField("AICC__callback__CST", Kind.CHECKBOX, false, false, new Bool(true), Optional.empty(), 0));
        add(new FuzzField("AICC__visit__CST", Kind.DATE, false, false, str("2027-01-02"), Optional.empty(), 0));
        add(new FuzzField("AICC__slot__CST", Kind.DATETIME, false, false, str("2027-01-02 03:04:05"), Optional.empty(), 0));
        add(new FuzzField("AICC__phone__CST", Kind.PHONE, false, false, str("+49 (30) 1234-5"), Optional.empty(), 20));
        add(new FuzzField("AICC__email__CST", Kind.EMAIL, false, false, str("a@example.com"), Optional.empty(), 254));
        add(new FuzzField("AICC__site__CST", Kind.URL, false, false, str("https://example.com/x"), Optional.empty(), 2_000));
    }

    private static void add(FuzzField field) {
        FIELDS.put(field.key(), field);
    }

    private static void text(TextRule rule, Value valid) {
        add(new FuzzField(rule.key(), Kind.TEXT, rule.mandatory(), rule.mandatory(), valid, Optional.of(rule), rule.maxBytes()));
    }

    /** The field {@code key} names in a create ({@code creating}) or a modify request. */
    static FuzzField of(String key, boolean creating) {
        FuzzField field = FIELDS.get(key);
        if (field == null) {
            throw new IllegalArgumentException("no fuzz field " + key);
        }
        if (key.equals("id") && !creating) {
            return new FuzzField(key, Kind.CASE_ID, true, false, field.valid, Optional.empty(), 20);
        }
        return field;
    }

    String path() {
        return Json.pointer(key);
    }

    /**
     * The key a modify names its case by, or a create its type: without a valid one the case type is
     * not known and the extension fields are not judged, so a change to it is tried alone.
     */
    boolean exclusive() {
        return kind == Kind.CASE_ID || kind == Kind.TYPE;
    }

    boolean required(boolean creating) {
        return creating ? requiredOnCreate : requiredOnModify;
    }

    /** The answer to a request without this key. */
    Expect whenAbsent(boolean creating) {
        return required(creating) ? Expect.invalid(path(), "required") : Expect.ACCEPTED;
    }

    /** The answer to {@code null}: a required field can not be cleared. */
    Expect whenNull(boolean creating) {
        if (kind == Kind.ID && key.equals("id")) {
            // A create's id is a text or absent; a modify's is required.
            return Expect.invalid(path(), "invalid_type");
        }
        return mustHaveValue(creating) ? Expect.invalid(path(), "required") : Expect.ACCEPTED;
    }

    /** Whether the field can not be cleared: a required template field may be left out of a modify, but not cleared. */
    private boolean mustHaveValue(boolean creating) {
        return required(creating) || key.equals(SEVERITY);
    }

    /** The answer to {@code ""}: it clears an optional text-valued field, and is no value of another. */
    Expect whenEmpty(boolean creating) {
        if (text.isPresent()) {
            return text.get().expect("");
        }
        if (kind.jsonType() != JsonType.STRING) {
            return Expect.invalid(path(), "invalid_type");
        }
        if (!mustHaveValue(creating) && !key.equals("id")) {
            return Expect.ACCEPTED;
        }
        return switch (key) {
            case "contactId", SEVERITY -> Expect.invalid(path(), "required");
            default -> Expect.invalid(path(), "blank"); // id, type, creatorId
        };
    }

    /** The answer to a value of another JSON type. */
    Expect whenOfType(JsonType type, boolean creating) {
        // For a MULTI_PICKLIST, the "other" array is one of a number: its item is of the wrong type.
        return type == JsonType.NULL ? whenNull(creating) : Expect.invalid(path(), "invalid_type");
    }

    /** A value of another JSON type than the field takes. */
    Value ofType(JsonType type) {
        if (kind == Kind.MULTI_PICKLIST && type == JsonType.ARRAY) {
            return new Arr(List.of(new Num("1")));
        }
        return type.example;
    }

    /** A value at ({@code past} false) or one past ({@code past} true) the field's limit, and its answer. */
    Special boundary(boolean creating, boolean past, int width, String freshId) {
        String path = path();
        Expect tooLong = Expect.invalid(path, "too_long");
        return switch (kind) {
            case TEXT -> {
                String at = ofBytes(maxBytes + (past ? 1 : 0), width);
                yield new Special(str(at), text.orElseThrow().expect(at));
            }
            case ID -> {
                String id = freshId + (past ? "x" : "");
                yield new Special(str(id), past ? tooLong : Expect.ACCEPTED);
            }
            case CASE_ID -> past ? new Special(str(freshId + "x"), tooLong)
                    : new Special(str(freshId), Expect.code("404001"));
            case PHONE -> new Special(str("+" + "1".repeat(maxBytes - 1 + (past ? 1 : 0))), past ? tooLong : Expect.ACCEPTED);
            case EMAIL -> {
                String domain = "@example.com";
                yield new Special(str("a".repeat(maxBytes - domain.length() + (past ? 1 : 0)) + domain),
                        past ? tooLong : Expect.ACCEPTED);
            }
            case URL -> {
                String start = "https://example.com/";
                yield new Special(str(start + "a".repeat(maxBytes - start.length() + (past ? 1 : 0))),
                        past ? tooLong : Expect.ACCEPTED);
            }
            case MULTI_PICKLIST -> past
                    ? new Special(new Arr(List.of(str("vip"), str("legal"), str("press"))), Expect.invalid(path, "too_many_items"))
                    : new Special(new Arr(List.of(str("press"), str("legal"))), Expect.ACCEPTED);
            case NUMBER -> past ? new Special(new Num("100000.01"), Expect.invalid(path, "out_of_range"))
                    : new Special(new Num("100000.00"), Expect.ACCEPTED);
            default -> specials(creating, freshId, "").get(0);
        };
    }

    /**
     * A text of exactly {@code bytes} bytes of UTF-8, of characters {@code width} bytes long each
     * (é, 中 or 😀), the bytes they do not fill made up with {@code a}.
     */
    static String ofBytes(int bytes, int width) {
        String character = switch (width) {
            case 1 -> "a";
            case 2 -> "\u00e9";
            case 3 -> "\u4e2d";
            default -> "\ud83d\ude00";
        };
        return character.repeat(bytes / width) + "a".repeat(bytes % width);
    }

    /** A value and the answer it must get. */
    record Special(Value value, Expect expect) {}

    /**
     * Values at the edges of the field's rules, valid and not, with their answers; {@code existingId}
     * is a case the tenant has.
     */
    List<Special> specials(boolean creating, String freshId, String existingId) {
        String path = path();
        List<Special> list = new ArrayList<>();
        Expect invalidValue = Expect.invalid(path, "invalid_value");
        Expect invalidFormat = Expect.invalid(path, "invalid_format");
        Expect invalidType = Expect.invalid(path, "invalid_type");
        Expect invalidCharacters = Expect.invalid(path, "invalid_characters");
        Expect outOfRange = Expect.invalid(path, "out_of_range");
        switch (kind) {
            case TEXT -> {
                list.add(new Special(str("a"), Expect.ACCEPTED));
                list.add(new Special(str(" "), text.orElseThrow().expect(" ")));
                list.add(new Special(str("\u0000"), invalidCharacters));
                list.add(new Special(str("\ud800"), invalidCharacters));
                list.add(new Special(str("\udc00x"), invalidCharacters));
                list.add(new Special(str("x\ud83d"), invalidCharacters));
                list.add(new Special(str("\ud83d\ude00"), Expect.ACCEPTED));
                list.add(new Special(str("\u007f"), text.orElseThrow().expect("\u007f")));
                list.add(new Special(str("a\tb"), text.orElseThrow().expect("a\tb")));
                list.add(new Special(str("'; DROP TABLE casekit_case; --"), Expect.ACCEPTED));
            }
            case ID -> {
                list.add(new Special(str("A-" + freshId.substring(2, 17) + "_9"), Expect.ACCEPTED));
                list.add(new Special(str("a b"), invalidCharacters));
                list.add(new Special(str("\u00e4"), invalidCharacters));
                list.add(new Special(str("a/b"), invalidCharacters));
                list.add(new Special(str("a'--"), invalidCharacters));
                if (key.equals("id")) {
                    list.add(new Special(str(existingId), Expect.code("409002")));
                }
            }
            case CASE_ID -> {
                list.add(new Special(str(freshId), Expect.code("404001")));
                list.add(new Special(str("no such id!"), invalidCharacters));
                list.add(new Special(str(""), Expect.invalid(path, "blank")));
            }
            case TYPE -> {
                list.add(new Special(str("ct000000000000000002"), invalidValue));
                list.add(new Special(str("CT000000000000000001"), invalidValue));
                list.add(new Special(str("ct0000000000000000011"), Expect.invalid(path, "too_long")));
                list.add(new Special(str("ct00000000000000000!"), invalidCharacters));
            }
            case PHONE -> {
                list.add(new Special(str("+49 (30) 123-45"), Expect.ACCEPTED));
                list.add(new Special(str("12a"), invalidFormat));
                list.add(new Special(str("1+2"), invalidFormat));
                list.add(new Special(str("()"), invalidFormat));
            }
            case EMAIL -> {
                list.add(new Special(str("a@b"), Expect.ACCEPTED));
                list.add(new Special(str("a@@b"), invalidFormat));
                list.add(new Special(str("@b"), invalidFormat));
                list.add(new Special(str("a b@c"), invalidFormat));
                list.add(new Special(str("a@"), invalidFormat));
            }
            case URL -> {
                list.add(new Special(str("HTTP://EXAMPLE.COM/a?b=c#d"), Expect.ACCEPTED));
                list.add(new Special(str("ftp://example.com/x"), invalidFormat));
                list.add(new Special(str("http://"), invalidFormat));
                list.add(new Special(str("example.com"), invalidFormat));
                list.add(new Special(str("http://exa mple.com"), invalidFormat));
                list.add(new Special(str("javascript:alert(1)"), invalidFormat));
            }
            case PRIORITY -> {
                for (String p : List.of("Low", "Medium", "High", "Critical")) {
                    list.add(new Special(str(p), Expect.ACCEPTED));
                }
                for (String p : List.of("low", "CRITICAL", " High", "Urgent")) {
                    list.add(new Special(str(p), invalidValue));
                }
            }
            case DATETIME -> {
                list.add(new Special(str("2024-02-29 23:59:59"), Expect.ACCEPTED));
                list.add(new Special(str("9999-12-31 23:59:59"), Expect.ACCEPTED));
                for (String d : List.of("2023-02-29 00:00:00", "2024-01-01 24:00:00", "2024-01-01T00:00:00",
                        "2024-01-01 00:00:00.000", " 2024-01-01 00:00:00", "2024-1-01 00:00:00", "2024-01-01")) {
                    list.add(new Special(str(d), invalidFormat));
                }
            }
            case DATE -> {
                list.add(new Special(str("2024-02-29"), Expect.ACCEPTED));
                for (String d : List.of("2023-02-29", "2024-1-01", "20240101", "2024-01-01 00:00:00")) {
                    list.add(new Special(str(d), invalidFormat));
                }
            }
            case PICKLIST -> {
                list.add(new Special(str("S1"), Expect.ACCEPTED));
                list.add(new Special(str("S3"), Expect.ACCEPTED));
                for (String p : List.of("s1", "S4", " S1")) {
                    list.add(new Special(str(p), invalidValue));
                }
            }
            case CHECKBOX -> {
                list.add(new Special(new Bool(false), Expect.ACCEPTED));
                list.add(new Special(str("true"), invalidType));
                list.add(new Special(new Num("0"), invalidType));
            }
            case MULTI_PICKLIST -> {
                list.add(new Special(new Arr(List.of(str("legal"), str("vip"))), Expect.ACCEPTED));
                list.add(new Special(new Arr(List.of()), Expect.ACCEPTED));
                list.add(new Special(new Arr(List.of(str("vip"), str("vip"))), Expect.invalid(path + "/1", "duplicate_item")));
                list.add(new Special(new Arr(List.of(str("x"))), Expect.invalid(path + "/0", "invalid_value")));
                list.add(new Special(new Arr(List.of(new Null())), Expect.invalid(path + "/0", "invalid_type")));
                list.add(new Special(str("vip"), invalidType));
            }
            case NUMBER -> {
                for (String n : List.of("100000", "0", "0.00", "-0", "99999.99", "12.5", "1E+2", "1e2", "0.1E1")) {
                    list.add(new Special(new Num(n), Expect.ACCEPTED));
                }
                for (String n : List.of("-0.01", "1.234", "1e400", "1E10000", "1E-10000", "100001",
                        "1" + "0".repeat(99), "0." + "0".repeat(97) + "1")) {
                    list.add(new Special(new Num(n), outOfRange));
                }
                // Past the parser's limits (number length 100, exponent ±10,000), or not JSON numbers.
                for (String n : List.of("1" + "0".repeat(100), "1E10001", "1E-10001", "01", "1.", ".5", "+1", "NaN",
                        "Infinity", "0x10", "1e", "--1")) {
                    list.add(new Special(new Num(n), Expect.MALFORMED));
                }
            }
        }
        if (kind != Kind.CASE_ID) {
            list.add(new Special(str(""), whenEmpty(creating)));
        }
        return list;
    }
}
