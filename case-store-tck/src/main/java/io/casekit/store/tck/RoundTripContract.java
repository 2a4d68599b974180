package io.casekit.store.tck;

import static io.casekit.store.tck.Fixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.core.Blank;
import io.casekit.core.Case;
import io.casekit.core.CaseDraft;
import io.casekit.core.CaseId;
import io.casekit.core.CaseModification;
import io.casekit.core.CaseTypeId;
import io.casekit.core.HistoryEntry;
import io.casekit.core.InputValue;
import io.casekit.core.Priority;
import io.casekit.core.Value;
import io.casekit.core.service.CaseService;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** What is read back equals what was written: every field, every value type, every string. */
abstract class RoundTripContract extends ContractSection {

    /** Exact decimals, each with a scale that must survive: trailing zeros, exponents, 38 digits. */
    static final List<String> DECIMALS = List.of("0.10", "12345678901234567.89", "-0.001", "0", "0.00", "1E+3",
            "-99999999999999999999999999999999999999", "0.00000000000000000000000000000000000001",
            "123456789012345678901234567890.12345678", "100");

    /**
     * Date-times as a tenant's clock shows them: the first and last a client can send, the Julian to
     * Gregorian switch, before standard time zones, around the epoch and 2038, a leap day, and a
     * gap and an overlap of daylight saving time in Europe.
     */
    static final List<LocalDateTime> DATE_TIMES = List.of(LocalDateTime.of(2023, 6, 20, 0, 0, 0),
            LocalDateTime.of(1, 1, 1, 0, 0, 0), LocalDateTime.of(1582, 10, 10, 12, 0, 0),
            LocalDateTime.of(1900, 1, 1, 0, 0, 0), LocalDateTime.of(1969, 12, 31, 23, 59, 59),
            LocalDateTime.of(1970, 1, 1, 0, 0, 0), LocalDateTime.of(2024, 2, 29, 12, 0, 0),
            LocalDateTime.of(2024, 3, 31, 2, 30, 0), LocalDateTime.of(2024, 10, 27, 2, 30, 0),
            LocalDateTime.of(2038, 1, 19, 3, 14, 8), LocalDateTime.of(9999, 12, 31, 23, 59, 59));

    /**
     * The due date a case of {@link #DATE_TIMES}' index {@code i} gets: the date-time itself from the
     * year 1000 on, else {@code 1000-01-01 00:00:00}, the earliest the rules accept (a due date keeps
     * to the years 1000 to 9999 on every store; DATE and DATETIME extension values keep any year).
     */
    static LocalDateTime dueDate(int i) {
        LocalDateTime d = DATE_TIMES.get(i);
        return d.getYear() < 1000 ? LocalDateTime.of(1000, 1, 1, 0, 0, 0) : d;
    }

    static final List<LocalDate> DATES = List.of(LocalDate.of(1, 1, 1), LocalDate.of(1582, 10, 10),
            LocalDate.of(1900, 1, 1), LocalDate.of(1970, 1, 1), LocalDate.of(2024, 2, 29), LocalDate.of(9999, 12, 31));

    /**
     * Strings that break naive storage: SQL, escapes, quotes, JSON, decomposed and precomposed
     * accents, astral characters, byte order marks, separators, bidi controls, white space that must
     * not be trimmed, letters that case folding changes, noncharacters.
     */
    static final List<String> STRINGS = List.of("'; DROP TABLE cases; --", "Robert'); DELETE FROM history; --",
            "\\ \\\\ \\n \\u0000 \\x00 %s %n %% _ ? :name ${x} {{x}}", "\"double\" 'single' `back` ‘curly’ “quotes”",
            "e\u0301 is not \u00e9", "👩‍👩‍👧‍👦 🇩🇪 😀 \uDBFF\uDFFF", "\uFEFFstarts with a byte order mark",
            "line\u2028and paragraph\u2029separators", "  leading and trailing spaces  ", "İı ß ẞ ΣΑΣ ς ﬁ Ⅻ",
            "\uFFFD \uFFFE \uFFFF", "<script>alert('x')</script>", "{\"json\": [1, \"two\"], \"n\": null}",
            "right-to-left \u202Eevil\u202C and zero\u200Bwidth", "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇", "中文 日本語 한국어 العربية עברית",
            "   ");

    @Test
    @DisplayName("a case with every field and every value type is read back exactly")
    void everyFieldRoundTrips() {
        Case full = Cases.insert(store(), Cases.full(TENANT, "case-1"));

        assertThat(store().find(TENANT, full.id())).contains(full);
        assertThat(store().history(TENANT, full.id())).containsExactly(Cases.creation(full));
    }

    @Test
    @DisplayName("an update of every field, clearing the optional ones, is read back exactly")
    void everyFieldChangeRoundTrips() {
        Case full = Cases.insert(store(), Cases.full(TENANT, "case-1"));
        Map<String, Optional<Value>> values = new LinkedHashMap<>();
        values.put("title", Optional.of(Value.text("t")));
        values.put("description", Optional.of(Value.text("d")));
        for (String optional : List.of("ownerId", "priority", "dueDate", "contactId", "contactPhone", "attachment")) {
            values.put(optional, Optional.empty());
        }
        for (String extension : full.extensions().keySet()) {
            values.put(extension, Optional.empty());
        }
        values.put("vip", Optional.of(Value.bool(false)));
        values.put("amount", Optional.of(Value.decimal(new BigDecimal("12345678901234567.890"))));
        Cases.Change change = Cases.change(full, "agent-2", full.updatedAt().plusSeconds(1), values);

        Case updated = change.applyTo(store());

        assertThat(store().find(TENANT, full.id())).contains(updated);
        assertThat(updated.ownerId()).isEmpty();
        assertThat(updated.extensions()).containsOnlyKeys("vip", "amount");
        assertThat(store().history(TENANT, full.id())).containsExactly(Cases.creation(full), change.entry());
    }

    @Test
    @DisplayName("a case with no optional field and no extension reads back with nothing")
    void emptyFieldsStayEmpty() {
        Case minimal = Cases.insert(store(), Cases.minimal(TENANT, "case-1"));

        Case found = store().find(TENANT, minimal.id()).orElseThrow();

        assertThat(found).isEqualTo(minimal);
        assertThat(List.of(found.ownerId(), found.contactId(), found.contactPhone(), found.attachment()))
                .allMatch(Optional::isEmpty);
        assertThat(found.priority()).isEmpty();
        assertThat(found.dueDate()).isEmpty();
        assertThat(found.extensions()).isEmpty();
    }

    @Test
    @DisplayName("decimals keep their exact value and scale, in the case and in the history")
    void decimalsAreExact() {
        Map<String, Value> extensions = new LinkedHashMap<>();
        for (int i = 0; i < DECIMALS.size(); i++) {
            extensions.put("number_" + i, Value.decimal(new BigDecimal(DECIMALS.get(i))));
        }
        Case c = Cases.insert(store(), withExtensions(Cases.minimal(TENANT, "case-1"), extensions));
        Cases.Change change = Cases.change(c, "agent-2", c.updatedAt().plusSeconds(1), "number_0",
                Optional.of(Value.decimal(new BigDecimal("0.100"))));
        Case updated = change.applyTo(store());

        Case found = store().find(TENANT, c.id()).orElseThrow();

        assertThat(found).isEqualTo(updated);
        for (int i = 1; i < DECIMALS.size(); i++) {
            BigDecimal expected = new BigDecimal(DECIMALS.get(i));
            BigDecimal actual = ((Value.Decimal) found.extensions().get("number_" + i)).value();
            assertThat(actual).as("number_%d", i).isEqualByComparingTo(expected);
            assertThat(actual.scale()).as("scale of %s", DECIMALS.get(i)).isEqualTo(expected.scale());
        }
        assertThat(store().history(TENANT, c.id())).containsExactly(Cases.creation(c), change.entry());
    }

    @Test
    @DisplayName("dueDate, date-times and dates read back exactly as given")
    void dateTimesAsGiven() {
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < DATE_TIMES.size(); i++) {
            Map<String, Value> extensions = new LinkedHashMap<>();
            extensions.put("moment", Value.dateTime(DATE_TIMES.get(i)));
            extensions.put("day", Value.date(DATES.get(i % DATES.size())));
            Case c = withExtensions(Cases.minimal(TENANT, "case-" + i), extensions)
                    .with("dueDate", Optional.of(Value.dateTime(dueDate(i))));
            cases.add(Cases.insert(store(), c));
        }

        for (Case c : cases) {
            assertThat(store().find(TENANT, c.id())).contains(c);
            assertThat(store().history(TENANT, c.id())).containsExactly(Cases.creation(c));
        }
    }

    /** Changes the JVM's default zone for a moment, so it runs alone even when tests run in parallel. */
    @Test
    @ResourceLock(Resources.GLOBAL)
    @DisplayName("date-times and instants do not move with the JVM's default time zone")
    void timesIgnoreTheDefaultZone() {
        TimeZone original = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Europe/Berlin"));
            List<Case> written = new ArrayList<>();
            for (int i = 0; i < DATE_TIMES.size(); i++) {
                Instant at = Instant.parse("2024-03-31T01:30:00.250Z").plusSeconds(3600L * 24 * 30 * i);
                Case c = Cases.createdAt(Cases.minimal(TENANT, "case-" + i), at)
                        .with("dueDate", Optional.of(Value.dateTime(dueDate(i))))
                        .with("moment", Optional.of(Value.dateTime(DATE_TIMES.get(i))));
                Case v2 = Cases.retitle(Cases.insert(store(), c), "Seen from another zone").applyTo(store());
                written.add(v2);
            }

            for (String zone : List.of("America/St_Johns", "Pacific/Kiritimati", "UTC")) {
                TimeZone.setDefault(TimeZone.getTimeZone(zone));
                for (Case c : written) {
                    assertThat(store().find(TENANT, c.id())).as("case %s read in %s", c.id(), zone).contains(c);
                    HistoryReplay.assertAgrees(c, store().history(TENANT, c.id()));
                }
            }
        } finally {
            TimeZone.setDefault(original);
        }
    }

    @Test
    @DisplayName("strings are kept byte for byte in every text field, extension and list")
    void stringsByteForByte() {
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < STRINGS.size(); i++) {
            String s = STRINGS.get(i);
            Map<String, Value> extensions = new LinkedHashMap<>();
            extensions.put("text", Value.text(s));
            extensions.put("list", Value.textList(List.of(s, "after " + s)));
            Case c = withExtensions(Cases.minimal(TENANT, "case-" + i), extensions)
                    .with("title", Optional.of(Value.text(Blank.isBlank(s) ? "blank " + i + s : s)))
                    .with("description", Optional.of(Value.text("CRLF\r\nLF\nCR\rTAB\t" + s)))
                    .with("attachment", Optional.of(Value.text("\u0001" + s + "\u001F\u007F")));
            cases.add(Cases.insert(store(), c));
        }

        for (Case c : cases) {
            Case found = store().find(TENANT, c.id()).orElseThrow();
            assertThat(found.title().getBytes(StandardCharsets.UTF_8)).as("title of %s", c.id())
                    .isEqualTo(c.title().getBytes(StandardCharsets.UTF_8));
            assertThat(found).isEqualTo(c);
            assertThat(store().history(TENANT, c.id())).containsExactly(Cases.creation(c));
        }
    }

    @Test
    @DisplayName("through the service, every standard field and every extension type reads back as created and modified")
    void everyFieldTypeThroughTheService() {
        CaseTypeId type = CaseTypeId.of("every");
        catalog().save(Types.everyFieldType(TENANT, type));
        CaseService service = fixture().service();
        CaseDraft draft = CaseDraft.builder(type, "agent-1").id("case-1")
                .title("Ünïcödé ✓ title").description("Line 1\r\nLine 2\n\tindented").ownerId("owner_7")
                .priority(Priority.CRITICAL).dueDate(LocalDateTime.of(2023, 6, 20, 0, 0, 0)).contactId("contact-42")
                .contactPhone("+86 10 1234 5678").attachment("https://files.example.com/f/1, f/2")
                .set("text", InputValue.text("Ünïcödé ✓"))
                .set("area", InputValue.text("first line\r\nsecond line\n\tthird"))
                .set("amount", InputValue.number(new BigDecimal("99999.12345678")))
                .set("day", InputValue.text("2024-02-29"))
                .set("moment", InputValue.text("2024-03-31 02:30:00"))
                .set("pick", InputValue.text("low"))
                .set("multi", InputValue.array(List.of(InputValue.text("\"chat\""), InputValue.text("web"))))
                .set("flag", InputValue.bool(true))
                .set("phone", InputValue.text("+1 (555) 0100"))
                .set("mail", InputValue.text("o'brien+cases@例え.jp"))
                .set("link", InputValue.text("https://example.com/a?b=c&d=%20#frag"))
                .set("AICC__severity__CST", InputValue.text("S1"))
                .build();

        Case created = service.create(TENANT, draft);

        assertThat(service.get(TENANT, created.id())).isEqualTo(created);
        assertThat(created.extensions()).containsEntry("amount", Value.decimal(new BigDecimal("99999.12345678")))
                .containsEntry("day", Value.date(LocalDate.of(2024, 2, 29)))
                .containsEntry("moment", Value.dateTime(LocalDateTime.of(2024, 3, 31, 2, 30, 0)))
                .containsEntry("multi", Value.textList(List.of("\"chat\"", "web")))
                .containsEntry("flag", Value.bool(true))
                .hasSize(12);

        Case modified = service.modify(TENANT, CaseModification.builder("case-1", "agent-2")
                .title("New title").description("New description").clear("ownerId").priority(Priority.LOW)
                .dueDate(LocalDateTime.of(9999, 12, 31, 23, 59, 59)).clear("contactId").clear("contactPhone")
                .set("attachment", InputValue.text(""))
                .set("text", InputValue.text("changed"))
                .clear("area")
                .set("amount", InputValue.number(new BigDecimal("-1000.50")))
                .set("day", InputValue.text("0001-01-01"))
                .set("moment", InputValue.text("1582-10-10 12:00:00"))
                .set("pick", InputValue.text("Low"))
                .set("multi", InputValue.array(List.of(InputValue.text("web"), InputValue.text("日本"))))
                .set("flag", InputValue.bool(false))
                .clear("phone").clear("mail").clear("link").clear("AICC__severity__CST")
                .build()).current();

        assertThat(service.get(TENANT, created.id())).isEqualTo(modified);
        assertThat(modified.version()).isEqualTo(2L);
        assertThat(modified.extensions()).containsOnlyKeys("text", "amount", "day", "moment", "pick", "multi", "flag");
        assertThat(((Value.Decimal) modified.extensions().get("amount")).value().scale()).isEqualTo(2);
        List<HistoryEntry> history = service.history(TENANT, created.id());
        assertThat(history).hasSize(2);
        HistoryReplay.assertAgrees(modified, history);
        assertThat(store().find(TENANT, CaseId.of("case-1"))).contains(modified);
    }

    private static Case withExtensions(Case c, Map<String, Value> extensions) {
        Case result = c;
        for (Map.Entry<String, Value> e : extensions.entrySet()) {
            result = result.with(e.getKey(), Optional.of(e.getValue()));
        }
        return result;
    }
}
