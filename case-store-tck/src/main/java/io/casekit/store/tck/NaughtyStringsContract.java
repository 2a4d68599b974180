package io.casekit.store.tck;

import static io.casekit.store.tck.Fixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.tuple;

import io.casekit.core.Case;
import io.casekit.core.CaseDraft;
import io.casekit.core.CaseId;
import io.casekit.core.CaseModification;
import io.casekit.core.CaseValidationException;
import io.casekit.core.FieldChange;
import io.casekit.core.HistoryEntry;
import io.casekit.core.InputValue;
import io.casekit.core.Utf8;
import io.casekit.core.Value;
import io.casekit.core.Violation;
import io.casekit.core.ViolationCode;
import io.casekit.core.service.CaseService;
import io.casekit.core.template.FieldDefinition;
import io.casekit.core.template.FieldType;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every string of the Big List of Naughty Strings, in every kind of text field, is either kept byte
 * for byte or refused with a violation; never changed, never a storage error. Strings the domain
 * refuses everywhere (U+0000, lone surrogates) are refused and nothing is stored.
 */
abstract class NaughtyStringsContract extends ContractSection {
    /** The text fields a string is tried in: standard ones and one extension of each text type. */
    private static final List<String> FIELDS = List.of("title", "description", "attachment", "label", "note");
    private static final Set<ViolationCode> REFUSALS =
            Set.of(ViolationCode.INVALID_CHARACTERS, ViolationCode.BLANK, ViolationCode.TOO_LONG);
    private static final int ATTACHMENT_MAX_BYTES = 2_000;

    private CaseService service() {
        catalog().save(Types.withFields(TENANT, FieldDefinition.builder("label", FieldType.TEXT).build(),
                FieldDefinition.builder("note", FieldType.TEXTAREA).build()));
        return fixture().service();
    }

    @TestFactory
    @DisplayName("every naughty string is kept byte for byte or refused with a violation")
    Stream<DynamicTest> everyNaughtyString() {
        List<NaughtyStrings.Entry> entries = NaughtyStrings.load();
        CaseService service = service();
        return entries.stream().map(entry -> DynamicTest.dynamicTest(
                "#" + entry.index() + " " + entry.text().map(NaughtyStrings::preview).orElse("(not UTF-8)"),
                () -> keptOrRefused(service, entry)));
    }

    private void keptOrRefused(CaseService service, NaughtyStrings.Entry entry) {
        Assumptions.assumeTrue(entry.text().isPresent(), () -> "Entry #" + entry.index()
                + " is not well-formed UTF-8 (the corpus cuts long lines, some in the middle of a character): "
                + "no string to store, SKIPPED");
        String s = entry.text().orElseThrow();
        Assumptions.assumeFalse(s.isEmpty(), "The empty string means 'no value' in casekit: no round trip, SKIPPED");
        CaseId id = CaseId.of("blns-" + entry.index());

        Map<String, String> sent = new LinkedHashMap<>();
        FIELDS.forEach(field -> sent.put(field, s));
        Case created;
        try {
            created = service.create(TENANT, draft(id, sent));
        } catch (CaseValidationException refused) {
            assertThat(store().find(TENANT, id)).as("a refused create stores nothing").isEmpty();
            Set<String> refusedFields = refusedFields(refused);
            refusedFields.forEach(sent::remove);
            created = service.create(TENANT, draft(id, sent));
        }

        boolean attachmentRefusable = s.indexOf('\0') >= 0 || Utf8.encodedLength(s) > ATTACHMENT_MAX_BYTES;
        assertThat(sent.containsKey("attachment")).as("attachment kept (only U+0000 or too long refuse it)")
                .isEqualTo(!attachmentRefusable);
        Case found = store().find(TENANT, id).orElseThrow();
        assertThat(found).isEqualTo(created);
        HistoryEntry creation = store().history(TENANT, id).get(0);
        for (String field : sent.keySet()) {
            Value stored = found.value(field).orElseThrow();
            assertThat(bytes(stored)).as("%s of entry #%d", field, entry.index()).isEqualTo(entry.bytes());
            assertThat(creation.changes()).as("creation entry").contains(
                    new FieldChange(field, Optional.empty(), Optional.of(Value.text(s))));
        }
    }

    /** The fields a refusal names; every violation must be one of the expected kinds, on a field sent. */
    private static Set<String> refusedFields(CaseValidationException refused) {
        for (Violation v : refused.violations()) {
            if (!REFUSALS.contains(v.code()) || FIELDS.stream().noneMatch(f -> v.path().equals(Violation.pathOf(f)))) {
                fail("unexpected violation " + v.path() + " " + v.code().code() + ": " + v.message());
            }
        }
        return FIELDS.stream()
                .filter(f -> refused.violations().stream().anyMatch(v -> v.path().equals(Violation.pathOf(f))))
                .collect(Collectors.toSet());
    }

    /** A create request with the naughty string in the fields of {@code sent}, placeholders in the mandatory rest. */
    private static CaseDraft draft(CaseId id, Map<String, String> sent) {
        CaseDraft.Builder draft = CaseDraft.builder(Cases.TYPE, "agent-1").id(id.value()).contactId("contact-1")
                .title("Naughty string " + id).description("Naughty string " + id);
        sent.forEach((field, text) -> draft.set(field, InputValue.text(text)));
        return draft.build();
    }

    private static byte[] bytes(Value value) {
        return ((Value.Text) value).value().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("U+0000 and lone surrogates are refused in every text field and nothing is stored")
    void unstorableCharactersAreRefused() {
        CaseService service = service();
        Case existing = service.create(TENANT, draft(CaseId.of("existing"), Map.of()));
        List<HistoryEntry> history = store().history(TENANT, existing.id());
        List<String> unstorable = List.of("\u0000", "before\u0000after", "\uD800", "lone \uDC00 low", "ends high \uDBFF");
        int n = 0;
        for (String s : unstorable) {
            for (String field : FIELDS) {
                CaseId id = CaseId.of("refused-" + n++);
                assertThatThrownBy(() -> service.create(TENANT, draft(id, Map.of(field, s))))
                        .as("create with %s in %s", NaughtyStrings.preview(s), field)
                        .isInstanceOfSatisfying(CaseValidationException.class, e -> refusedAsInvalidCharacters(e, field));
                assertThat(store().find(TENANT, id)).isEmpty();

                CaseModification modification = CaseModification.builder("existing", "agent-2")
                        .title("Naughty string existing").description("Naughty string existing")
                        .set(field, InputValue.text(s)).build();
                assertThatThrownBy(() -> service.modify(TENANT, modification))
                        .as("modify with %s in %s", NaughtyStrings.preview(s), field)
                        .isInstanceOfSatisfying(CaseValidationException.class, e -> refusedAsInvalidCharacters(e, field));
            }
        }
        assertThat(store().find(TENANT, existing.id())).contains(existing);
        assertThat(store().history(TENANT, existing.id())).isEqualTo(history);
    }

    private static void refusedAsInvalidCharacters(CaseValidationException refusal, String field) {
        assertThat(refusal.violations()).extracting(Violation::path, Violation::code)
                .containsExactly(tuple(Violation.pathOf(field), ViolationCode.INVALID_CHARACTERS));
    }
}
