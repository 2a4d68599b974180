package io.casekit.json.internal;

import io.casekit.core.CaseId;
import io.casekit.core.Priority;
import io.casekit.core.TenantId;
import io.casekit.core.WireFormats;
import io.casekit.core.query.CaseFilter;
import io.casekit.core.query.CaseSort;
import io.casekit.core.query.Direction;
import io.casekit.core.query.PagePosition;
import io.casekit.core.query.SortKey;
import io.casekit.core.query.SortValue;
import io.casekit.json.JsonLimits;
import io.casekit.json.UnreadableJsonException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The list call's {@code cursor} / {@code nextCursor}: a {@link PagePosition} as base64url (no
 * padding) of a small JSON document {@code {"v":1,"f":<fingerprint>,"k":<sort key>,"d":"asc"|"desc",
 * "s":<sort value or null>,"id":<case id>}}. Opaque to clients; its shape may change between versions.
 *
 * <p>The fingerprint is the first 16 bytes of the SHA-256 of the tenant, the filters and the sort,
 * so that a cursor is accepted only with the request it came from (same tenant, filters and sort;
 * {@code limit} may change). It is not a secret-keyed signature, and need not be: a position only
 * says where in the order to start, and a forged one shows nothing the caller's filters, tenant and
 * the host's policy do not allow anyway. Thread-safe (stateless).
 */
public final class ListCursor {
    /** The longest cursor accepted, in characters: far above any cursor this class writes. */
    static final int MAX_LENGTH = 2_048;
    private static final int VERSION = 1;
    private static final JsonInput INPUT = new JsonInput(new JsonLimits(MAX_LENGTH, 3, 30, 64));
    private static final Set<String> KEYS = Set.of("v", "f", "k", "d", "s", "id");
    private static final Map<SortKey, String> NAMES = Map.of(SortKey.CREATED_AT, "createdAt",
            SortKey.UPDATED_AT, "updatedAt", SortKey.DUE_DATE, "dueDate", SortKey.PRIORITY, "priority",
            SortKey.TITLE, "title");

    private ListCursor() {}

    /** The fingerprint that binds a cursor to its tenant, filters and sort. */
    public static String fingerprint(TenantId tenant, List<CaseFilter> filters, CaseSort sort) {
        String canonical = tenant.value() + "\n" + filters + "\n" + sort;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The cursor of a position. */
    public static String encode(PagePosition position, String fingerprint) {
        byte[] json = Responses.write(g -> {
            g.writeStartObject();
            g.writeNumberProperty("v", VERSION);
            g.writeStringProperty("f", fingerprint);
            g.writeStringProperty("k", NAMES.get(position.sort().key()));
            g.writeStringProperty("d", position.sort().direction() == Direction.ASC ? "asc" : "desc");
            g.writeName("s");
            if (position.value().isEmpty()) {
                g.writeNull();
            } else {
                g.writeString(text(position.value().get()));
            }
            g.writeStringProperty("id", position.id().value());
            g.writeEndObject();
        });
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json);
    }

    /** The position of a cursor made by {@link #encode} with this fingerprint; empty for anything else. */
    public static Optional<PagePosition> decode(String cursor, String fingerprint) {
        if (cursor.isEmpty() || cursor.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        byte[] json;
        try {
            json = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        JsonTree tree;
        try {
            tree = INPUT.read(json, parser -> {
                JsonTree root = JsonTree.read(parser, parser.nextToken());
                return parser.nextToken() == null ? root : null;
            });
        } catch (UnreadableJsonException e) {
            return Optional.empty();
        }
        if (!(tree instanceof JsonTree.Obj obj) || !obj.members().keySet().equals(KEYS)) {
            return Optional.empty();
        }
        Map<String, JsonTree> m = obj.members();
        if (!(m.get("v") instanceof JsonTree.Num v) || v.value().compareTo(java.math.BigDecimal.valueOf(VERSION)) != 0
                || !(m.get("f") instanceof JsonTree.Str f) || !f.value().equals(fingerprint)
                || !(m.get("k") instanceof JsonTree.Str k) || !(m.get("d") instanceof JsonTree.Str d)
                || !(m.get("id") instanceof JsonTree.Str id) || !CaseId.isValid(id.value())) {
            return Optional.empty();
        }
        Optional<SortKey> key = NAMES.entrySet().stream().filter(e -> e.getValue().equals(k.value()))
                .map(Map.Entry::getKey).findFirst();
        if (key.isEmpty() || !(d.value().equals("asc") || d.value().equals("desc"))) {
            return Optional.empty();
        }
        CaseSort sort = new CaseSort(key.get(), d.value().equals("asc") ? Direction.ASC : Direction.DESC);
        Optional<SortValue> value;
        if (m.get("s") == JsonTree.Null.INSTANCE) {
            value = Optional.empty();
        } else if (m.get("s") instanceof JsonTree.Str s) {
            value = value(key.get(), s.value());
            if (value.isEmpty()) {
                return Optional.empty();
            }
        } else {
            return Optional.empty();
        }
        try {
            return Optional.of(new PagePosition(sort, value, CaseId.of(id.value())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String text(SortValue value) {
        if (value instanceof SortValue.At at) {
            return WireWriter.instant(at.value());
        } else if (value instanceof SortValue.Due due) {
            return WireFormats.format(due.value());
        } else if (value instanceof SortValue.Severity severity) {
            return severity.value().wireName();
        }
        return ((SortValue.Title) value).value();
    }

    private static Optional<SortValue> value(SortKey key, String text) {
        return switch (key) {
            case CREATED_AT, UPDATED_AT -> {
                try {
                    yield Optional.of(new SortValue.At(Instant.parse(text)));
                } catch (DateTimeParseException e) {
                    yield Optional.empty();
                }
            }
            case DUE_DATE -> WireFormats.parseDateTime(text).map(SortValue.Due::new);
            case PRIORITY -> Priority.fromWireName(text).map(SortValue.Severity::new);
            case TITLE -> Optional.of(new SortValue.Title(text));
        };
    }
}
