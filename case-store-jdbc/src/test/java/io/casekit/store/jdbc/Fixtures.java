package io.casekit.store.jdbc;

import io.casekit.core.Case;
import io.casekit.core.CaseDraft;
import io.casekit.core.CaseModification;
import io.casekit.core.CaseId;
import io.casekit.core.CaseTypeId;
import io.casekit.core.FieldChange;
import io.casekit.core.HistoryEntry;
import io.casekit.core.Priority;
import io.casekit.core.StandardField;
import io.casekit.core.TenantId;
import io.casekit.core.Value;
import io.casekit.core.service.CaseService;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Cases and history entries for the tests, built directly (the store does not validate). */
final class Fixtures {
    static final TenantId TENANT = TenantId.of("t1");
    static final TenantId OTHER_TENANT = TenantId.of("t2");
    static final CaseTypeId TYPE = CaseTypeId.of("ct000000000000000001");
    static final Instant CREATED = Instant.parse("2026-11-27T22:12:31.123Z");

    private Fixtures() {}

    /** A case with every standard field set and one extension value of each kind. */
    static Case full(TenantId tenant, String id) {
        Map<String, Value> extensions = new TreeMap<>();
        extensions.put("AICC__notes__CST", Value.text("naïve — 日本語 🎉 \"quoted\" 'single' \\ ; -- 12:3"));
        extensions.put("AICC__refund__CST", Value.decimal(new BigDecimal("1234.50")));
        extensions.put("AICC__tiny__CST", Value.decimal(new BigDecimal("-0.000")));
        extensions.put("AICC__big__CST", Value.decimal(new BigDecimal("1E+3")));
        extensions.put("AICC__born__CST", Value.date(LocalDate.of(2024, 2, 29)));
        extensions.put("AICC__call__CST", Value.dateTime(LocalDateTime.of(2024, 9, 29, 3, 0, 0)));
        extensions.put("AICC__tags__CST", Value.textList(List.of("vip", "legal", "")));
        extensions.put("AICC__none__CST", Value.textList(List.of()));
        extensions.put("AICC__callback__CST", Value.bool(true));
        extensions.put("AICC__mute__CST", Value.bool(false));
        return Case.builder().tenant(tenant).id(CaseId.of(id)).typeId(TYPE)
                .title("testOpenApi11").description("line one\nline two\r\n\ttabbed  ")
                .ownerId("10gg0000012IpiXMqxzk")
                .priority(Priority.CRITICAL)
                .dueDate(LocalDateTime.of(2023, 6, 20, 0, 0, 0))
                .contactId("ciIy0000013w9aru7cDQ")
                .contactPhone("+86 (151) 515-15152")
                .attachment("file:a1,b2")
                .extensions(extensions)
                .version(1).createdBy("10gg0000013wljxK5XX6").createdAt(CREATED).updatedAt(CREATED)
                .build();
    }

    /** A case with only the mandatory fields. */
    static Case minimal(TenantId tenant, String id) {
        return Case.builder().tenant(tenant).id(CaseId.of(id)).typeId(TYPE)
                .title("title").description("description")
                .version(1).createdBy("creator").createdAt(CREATED).updatedAt(CREATED)
                .build();
    }

    /** The creation entry of a case: every field it has, set from nothing. */
    static HistoryEntry creation(Case c) {
        List<FieldChange> changes = new ArrayList<>();
        for (StandardField f : StandardField.values()) {
            c.value(f.wireName()).ifPresent(v -> changes.add(new FieldChange(f.wireName(), Optional.empty(),
                    Optional.of(v))));
        }
        c.extensions().forEach((k, v) -> changes.add(new FieldChange(k, Optional.empty(), Optional.of(v))));
        return new HistoryEntry(c.tenant(), c.id(), 1, c.createdAt(), c.createdBy(), changes);
    }

    /** The next version of a case with one field changed, and its history entry. */
    static Change change(Case current, String field, Optional<Value> value, String actor) {
        Instant at = current.updatedAt().plusMillis(1);
        Case updated = current.with(field, value).withVersion(current.version() + 1, at);
        HistoryEntry entry = new HistoryEntry(current.tenant(), current.id(), updated.version(), at, actor,
                List.of(new FieldChange(field, current.value(field), value)));
        return new Change(updated, entry);
    }

    record Change(Case updated, HistoryEntry entry) {}

    /** Creates, through the service, a case of {@link #TYPE} titled "before". */
    static Case createThroughService(CaseService service, String id) {
        return service.create(TENANT, CaseDraft.builder(TYPE, "creator").id(id).title("before")
                .description("d").contactId("contact").build());
    }

    /** A modify request that sets the title (and the mandatory description, unchanged). */
    static CaseModification retitle(String id, String title) {
        return CaseModification.builder(id, "operator").title(title).description("d").build();
    }
}
