package io.casekit.example.hostile;

import static io.casekit.example.hostile.Json.str;

import io.casekit.example.hostile.FuzzField.JsonType;
import io.casekit.example.hostile.FuzzField.Special;
import io.casekit.example.hostile.Json.Member;
import io.casekit.example.hostile.Json.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * One hostile request of the fuzzer: a valid seed request, changes to some of its keys, perhaps a
 * change to its bytes or shape, a size, and a transport. {@link #build} writes it and predicts
 * the answer from the product's rules. Everything random in it comes from jqwik, except the fresh
 * case ids made at {@link #build} (any fresh id is as good as another), so that a try can be run
 * again while shrinking.
 */
record FuzzCase(Seed seed, List<Edit> edits, BodyEdit bodyEdit, Size size, Transport transport) {
    static final int LIMIT = 1_048_576;
    static final int MAX_DEPTH = 32;
    static final int MAX_NAME_LENGTH = 256;

    /** The valid requests the fuzzer starts from. */
    enum Seed {
        /** The AICC page's own modify example, value for value, sent to the fuzzer's case. */
        MODIFY_SEED(false, List.of("id", "title", "description", "dueDate", "ownerId", "contactId", "creatorId",
                "contactPhone"), Map.of("title", "testOpenApi11", "description", "test111")),
        /** A modify setting a field of every type. */
        MODIFY_EVERY_FIELD(false, List.of("id", "title", "description", "creatorId", "priority", "attachment",
                FuzzField.SEVERITY, "AICC__refund__CST", "AICC__notes__CST", "AICC__details__CST", "AICC__tags__CST",
                "AICC__callback__CST", "AICC__visit__CST", "AICC__slot__CST", "AICC__phone__CST", "AICC__email__CST",
                "AICC__site__CST"), Map.of()),
        /** A create with the fields a create needs. */
        CREATE_MINIMAL(true, List.of("id", "type", "title", "description", "contactId", "creatorId", FuzzField.SEVERITY),
                Map.of()),
        /** A create with a field of every type. */
        CREATE_EVERY_FIELD(true, List.of("id", "type", "title", "description", "contactId", "creatorId", "ownerId",
                "priority", "dueDate", "contactPhone", "attachment", FuzzField.SEVERITY, "AICC__refund__CST",
                "AICC__notes__CST", "AICC__details__CST", "AICC__tags__CST", "AICC__callback__CST", "AICC__visit__CST",
                "AICC__slot__CST", "AICC__phone__CST", "AICC__email__CST", "AICC__site__CST"), Map.of());

        final boolean creating;
        final List<String> keys;
        /** Texts of this seed other than the fields' usual valid values. */
        final Map<String, String> texts;

        Seed(boolean creating, List<String> keys, Map<String, String> texts) {
            this.creating = creating;
            this.keys = keys;
            this.texts = texts;
        }
    }

    /** A change to one key of {@code caseInfo} (or a key added to it), and the answer it alone gets. */
    sealed interface Edit {
        /** {@code keyPick} chooses among the seed's keys not yet changed. */
        default int keyPick() {
            return -1;
        }
    }

    /** The value replaced by one of another JSON type. */
    record SwapType(int keyPick, JsonType to) implements Edit {}

    /** The key sent twice, with the same or another value. */
    record DuplicateKey(int keyPick, boolean sameValue, boolean before) implements Edit {}

    /** A value at or one past the field's limit, of characters {@code width} bytes long where it is a text. */
    record Boundary(int keyPick, boolean past, int width) implements Edit {}

    /** One of the field's edge values ({@link FuzzField#specials}). */
    record EdgeValue(int keyPick, int pick) implements Edit {}

    /** A random text in a free-text field, written in a given way. */
    record RandomText(int keyPick, String text, Json.Escape escape) implements Edit {}

    /** A key no field has, of random characters. */
    record UnknownKey(String name, Json.Escape escape, JsonType valueType) implements Edit {}

    /** A key of {@code length} characters, which is no field: at or past the limit on key length. */
    record LongKey(boolean past) implements Edit {}

    /** A key the library manages ({@code version}, …), which a request may not set. */
    record ReadOnlyKey(int pick, JsonType valueType) implements Edit {}

    /** The key left out. */
    record Remove(int keyPick) implements Edit {}

    /** Arrays or objects nested {@code depth} deep as the value of a field, or of an unknown key. */
    record Nest(int keyPick, boolean unknownKey, int depth, boolean objects) implements Edit {}

    /** A change to the written bytes or to the document's shape. */
    sealed interface BodyEdit {}

    record Unchanged() implements BodyEdit {}

    /** Cut before its end. */
    record Truncate(double at) implements BodyEdit {}

    /** {@code count} bytes set to random values. */
    record FlipBytes(int count, long salt) implements BodyEdit {}

    /** Bytes that are never UTF-8 inserted somewhere: an overlong form, an encoded surrogate, 0xFF, a NUL, a BOM first. */
    record BadBytes(int which, double at) implements BodyEdit {}

    /** Another top-level shape than {@code {"caseInfo":{…}}}, or something after the document. */
    record Shape(int which) implements BodyEdit {}

    enum Size { AS_WRITTEN, AT_LIMIT, PAST_LIMIT }

    private static final List<String> READ_ONLY = List.of("type", "version", "createdBy", "createdAt", "updatedAt");
    private static final byte[][] BAD_BYTES = {
        {(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xFF}, {(byte) 0x80},
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}, {0}};

    /** The written request and the answer it must get. */
    record Built(String endpoint, byte[] body, Expect expect, String description) {}

    /**
     * Writes the request; a modify goes to {@code target}. {@code freshIds} makes ids no case has.
     */
    Built build(String target, Supplier<String> freshIds) {
        boolean creating = seed.creating;
        List<Member> members = new ArrayList<>();
        for (String key : seed.keys) {
            Value value = key.equals("id") ? str(creating ? freshIds.get() : target)
                    : seed.texts.containsKey(key) ? str(seed.texts.get(key)) : FuzzField.of(key, creating).valid();
            members.add(new Member(key, value));
        }
        List<String> untouched = new ArrayList<>(seed.keys);
        List<String> readOnlyLeft = new ArrayList<>(READ_ONLY);
        if (creating) {
            readOnlyLeft.remove("type");
        }
        Expect expect = Expect.ACCEPTED;
        List<String> done = new ArrayList<>();
        for (int i = 0; i < edits.size(); i++) {
            Edit edit = edits.get(i);
            FuzzField field = null;
            if (edit.keyPick() >= 0 && !(edit instanceof Nest nest && nest.unknownKey())) {
                List<String> pool = untouched.stream()
                        .filter(k -> !(edit instanceof RandomText) || FuzzField.of(k, creating).text().isPresent())
                        .filter(k -> done.isEmpty() || !FuzzField.of(k, creating).exclusive())
                        .toList();
                if (pool.isEmpty()) {
                    continue;
                }
                field = FuzzField.of(pool.get(edit.keyPick() % pool.size()), creating);
                untouched.remove(field.key());
            }
            Expect part = apply(edit, field, members, readOnlyLeft, i, creating, target, freshIds);
            expect = expect.and(part);
            done.add(describe(edit, field) + " -> " + part);
            if (field != null && field.exclusive()) {
                break;
            }
        }
        byte[] body = Json.write(Json.obj(new Member("caseInfo", new Json.Obj(members))));
        String endpoint = creating ? "case" : "case/modify";

        if (bodyEdit instanceof Truncate t) {
            body = Arrays.copyOf(body, (int) Math.min(body.length - 1, Math.floor(t.at() * body.length)));
            expect = Expect.MALFORMED;
        } else if (bodyEdit instanceof FlipBytes f) {
            Random random = new Random(f.salt());
            for (int i = 0; i < f.count(); i++) {
                body[random.nextInt(body.length)] = (byte) random.nextInt(256);
            }
            expect = Expect.ANYTHING;
        } else if (bodyEdit instanceof BadBytes b) {
            byte[] bad = b.which() < BAD_BYTES.length ? BAD_BYTES[b.which()] : new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
            int at = b.which() < BAD_BYTES.length ? (int) Math.floor(b.at() * body.length) : 0;
            body = insert(body, at, bad);
            expect = Expect.MALFORMED;
        } else if (bodyEdit instanceof Shape s) {
            body = shape(s.which(), body);
            expect = Expect.MALFORMED;
        }

        if (size == Size.AT_LIMIT) {
            body = padded(body, LIMIT);
        } else if (size == Size.PAST_LIMIT) {
            body = padded(body, LIMIT + 1);
            expect = Expect.code("413001");
        }
        if (transport.refusedWith.isPresent()) {
            expect = Expect.code(transport.refusedWith.get());
        }
        String description = seed + " " + done + (bodyEdit instanceof Unchanged ? "" : " " + bodyEdit)
                + (size == Size.AS_WRITTEN ? "" : " " + size) + " " + transport + " => " + expect;
        return new Built(endpoint, body, expect, description);
    }

    private static Expect apply(Edit edit, FuzzField field, List<Member> members, List<String> readOnlyLeft, int index,
            boolean creating, String target, Supplier<String> freshIds) {
        if (edit instanceof SwapType swap) {
            // A value of the field's own type is no swap; for a MULTI_PICKLIST, ofType gives an array of a number.
            boolean ownType = swap.to() == field.kind().jsonType() && field.kind() != FuzzField.Kind.MULTI_PICKLIST;
            JsonType to = ownType ? JsonType.OBJECT : swap.to();
            set(members, field.key(), field.ofType(to));
            return field.whenOfType(to, creating);
        }
        if (edit instanceof DuplicateKey duplicate) {
            int at = indexOf(members, field.key());
            Value value = duplicate.sameValue() ? members.get(at).value() : new Json.Null();
            members.add(duplicate.before() ? at : at + 1, new Member(field.key(), value));
            return Expect.MALFORMED;
        }
        if (edit instanceof Boundary boundary) {
            Special special = field.boundary(creating, boundary.past(), boundary.width(), freshIds.get());
            set(members, field.key(), special.value());
            return special.expect();
        }
        if (edit instanceof EdgeValue edge) {
            List<Special> specials = field.specials(creating, freshIds.get(), target);
            Special special = specials.get(edge.pick() % specials.size());
            set(members, field.key(), special.value());
            return special.expect();
        }
        if (edit instanceof RandomText random) {
            Json.Str text = new Json.Str(random.text(), random.escape());
            set(members, field.key(), text);
            return text.malformed() ? Expect.MALFORMED : field.text().orElseThrow().expect(random.text());
        }
        if (edit instanceof UnknownKey unknown) {
            String name = "zz" + index + unknown.name();
            Json.Str key = new Json.Str(name, unknown.escape());
            members.add(new Member(key, unknown.valueType().example));
            // The parser refuses a lone surrogate in a key, whatever its value.
            return key.malformed() || TextRule.hasLoneSurrogate(name) ? Expect.MALFORMED
                    : Expect.invalid(Json.pointer(name), "unknown_field");
        }
        if (edit instanceof LongKey longKey) {
            String name = ("zz" + index + "_").concat("k".repeat(MAX_NAME_LENGTH)).substring(0, MAX_NAME_LENGTH
                    + (longKey.past() ? 1 : 0));
            members.add(new Member(name, str("x")));
            return longKey.past() ? Expect.MALFORMED : Expect.invalid(Json.pointer(name), "unknown_field");
        }
        if (edit instanceof ReadOnlyKey readOnly) {
            if (readOnlyLeft.isEmpty()) {
                return Expect.ACCEPTED;
            }
            String key = readOnlyLeft.remove(readOnly.pick() % readOnlyLeft.size());
            members.add(new Member(key, readOnly.valueType().example));
            return Expect.invalid(Json.pointer(key), "read_only");
        }
        if (edit instanceof Remove) {
            members.remove(indexOf(members, field.key()));
            return field.whenAbsent(creating);
        }
        Nest nest = (Nest) edit;
        Value value = new Json.Num("1");
        for (int i = 0; i < nest.depth(); i++) {
            value = nest.objects() ? Json.obj(new Member("a", value)) : new Json.Arr(List.of(value));
        }
        // The top level and caseInfo are two levels already.
        boolean tooDeep = 2 + nest.depth() > MAX_DEPTH;
        if (nest.unknownKey()) {
            String name = "zz" + index + "nest";
            members.add(new Member(name, value));
            return tooDeep ? Expect.MALFORMED : Expect.invalid(Json.pointer(name), "unknown_field");
        }
        set(members, field.key(), value);
        return tooDeep ? Expect.MALFORMED : Expect.invalid(field.path(), "invalid_type");
    }

    private static String describe(Edit edit, FuzzField field) {
        String text = edit.toString();
        if (text.length() > 160) {
            text = text.substring(0, 160) + "…";
        }
        return field == null ? text : field.key() + ": " + text;
    }

    private static int indexOf(List<Member> members, String key) {
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).key().text().equals(key)) {
                return i;
            }
        }
        throw new IllegalStateException("no key " + key);
    }

    private static void set(List<Member> members, String key, Value value) {
        members.set(indexOf(members, key), new Member(key, value));
    }

    private static byte[] insert(byte[] body, int at, byte[] inserted) {
        byte[] result = new byte[body.length + inserted.length];
        System.arraycopy(body, 0, result, 0, at);
        System.arraycopy(inserted, 0, result, at, inserted.length);
        System.arraycopy(body, at, result, at + inserted.length, body.length - at);
        return result;
    }

    /** The request in a shape that is no request document. */
    private static byte[] shape(int which, byte[] document) {
        String doc = new String(document, StandardCharsets.UTF_8);
        String inner = doc.substring("{\"caseInfo\":".length(), doc.length() - 1);
        String shaped = switch (which) {
            case 0 -> "";
            case 1 -> " ";
            case 2 -> "[]";
            case 3 -> "{}";
            case 4 -> "null";
            case 5 -> "\"caseInfo\"";
            case 6 -> "{\"caseInfo\":[]}";
            case 7 -> "{\"caseInfo\":null}";
            case 8 -> "{\"caseInfo\":\"x\"}";
            case 9 -> "{\"caseInfo\":" + inner + ",\"extra\":1}";
            case 10 -> "{\"caseinfo\":" + inner + "}";
            case 11 -> "[" + doc + "]";
            case 12 -> doc + doc;
            case 13 -> doc + ",";
            case 14 -> doc + "x";
            case 15 -> "{\"caseInfo\":" + inner + ",\"caseInfo\":" + inner + "}";
            case 16 -> "{\"caseInfo\":" + inner;
            default -> "{\"caseInfo\":" + inner + "}/* comment */";
        };
        return shaped.getBytes(StandardCharsets.UTF_8);
    }

    /** The body followed by spaces (JSON white space) up to {@code length} bytes. */
    private static byte[] padded(byte[] body, int length) {
        byte[] padded = Arrays.copyOf(body, Math.max(length, body.length));
        Arrays.fill(padded, body.length, padded.length, (byte) ' ');
        return padded;
    }

    @Override
    public String toString() {
        return seed + " " + edits + " " + bodyEdit + " " + size + " " + transport;
    }
}
