package io.casekit.store.tck;

import static io.casekit.store.tck.Fixture.OTHER_TENANT;
import static io.casekit.store.tck.Fixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.core.Case;
import io.casekit.core.CaseDraft;
import io.casekit.core.CaseModification;
import io.casekit.core.CaseTypeId;
import io.casekit.core.Value;
import io.casekit.core.service.CaseService;
import io.casekit.core.template.CaseType;
import io.casekit.core.template.FieldDefinition;
import io.casekit.core.template.FieldType;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Case types are saved, found, listed and redefined per tenant, exactly as defined. */
abstract class TemplateCatalogContract extends ContractSection {

    @Test
    @DisplayName("a saved type is found exactly as defined, with every field type and option")
    void savedTypeIsFound() {
        CaseType type = Types.everyFieldType(TENANT, CaseTypeId.of("every"));

        catalog().save(type);

        assertThat(catalog().find(TENANT, type.id())).contains(type);
        assertThat(catalog().list(TENANT)).containsExactly(type);
    }

    @Test
    @DisplayName("a type never saved is not found, and a tenant without types lists none")
    void missingTypeIsNotFound() {
        catalog().save(Types.plain(TENANT));

        assertThat(catalog().find(TENANT, CaseTypeId.of("other"))).isEmpty();
        assertThat(catalog().list(OTHER_TENANT)).isEmpty();
    }

    @Test
    @DisplayName("types are listed by id, in the natural order of ids, and ids differing by case are distinct")
    void typesAreListedById() {
        List<String> ids = List.of("b", "A", "a", "_x", "-y", "10", "9", "B");
        for (String id : ids) {
            catalog().save(new CaseType(TENANT, CaseTypeId.of(id), "Type " + id, List.of()));
        }

        List<CaseType> listed = catalog().list(TENANT);

        assertThat(listed).extracting(t -> t.id().value()).containsExactly("-y", "10", "9", "A", "B", "_x", "a", "b");
        assertThat(listed).extracting(CaseType::name).containsExactly("Type -y", "Type 10", "Type 9", "Type A",
                "Type B", "Type _x", "Type a", "Type b");
        assertThat(catalog().find(TENANT, CaseTypeId.of("a"))).get().extracting(CaseType::name).isEqualTo("Type a");
        assertThat(catalog().find(TENANT, CaseTypeId.of("A"))).get().extracting(CaseType::name).isEqualTo("Type A");
    }

    @Test
    @DisplayName("saving a type again replaces its definition")
    void redefinitionReplaces() {
        CaseType first = Types.withFields(TENANT, FieldDefinition.builder("old_field", FieldType.TEXT).build());
        CaseType second = new CaseType(TENANT, Cases.TYPE, "Incident, redefined", List.of(
                FieldDefinition.builder("new_field", FieldType.CHECKBOX).required(true).build()));
        catalog().save(first);

        catalog().save(second);

        assertThat(catalog().find(TENANT, Cases.TYPE)).contains(second);
        assertThat(catalog().list(TENANT)).containsExactly(second);
    }

    @Test
    @DisplayName("the same type id in two tenants is two types, and redefining one leaves the other")
    void typesArePerTenant() {
        CaseType ours = Types.withFields(TENANT, FieldDefinition.builder("ours", FieldType.TEXT).build());
        CaseType theirs = Types.withFields(OTHER_TENANT, FieldDefinition.builder("theirs", FieldType.DATE).build());
        CaseType theirsRedefined = Types.plain(OTHER_TENANT);
        catalog().save(ours);
        catalog().save(theirs);
        catalog().save(new CaseType(OTHER_TENANT, CaseTypeId.of("only-theirs"), "Only theirs", List.of()));

        catalog().save(theirsRedefined);

        assertThat(catalog().find(TENANT, Cases.TYPE)).contains(ours);
        assertThat(catalog().find(OTHER_TENANT, Cases.TYPE)).contains(theirsRedefined);
        assertThat(catalog().list(TENANT)).containsExactly(ours);
        assertThat(catalog().list(OTHER_TENANT)).extracting(t -> t.id().value()).containsExactly("incident", "only-theirs");
        assertThat(catalog().find(TENANT, CaseTypeId.of("only-theirs"))).isEmpty();
    }

    @Test
    @DisplayName("a field removed from a type keeps its stored values, untouched by later changes")
    void removedFieldKeepsStoredValues() {
        catalog().save(Types.withFields(TENANT, FieldDefinition.builder("legacy", FieldType.TEXT).build(),
                FieldDefinition.builder("kept", FieldType.TEXT).build()));
        CaseService service = fixture().service();
        Case created = service.create(TENANT, CaseDraft.builder(Cases.TYPE, "agent-1").id("case-1").title("Title")
                .description("Description").contactId("contact-1").extension("legacy", Value.text("old value"))
                .extension("kept", Value.text("kept value")).build());
        catalog().save(Types.withFields(TENANT, FieldDefinition.builder("kept", FieldType.TEXT).build()));

        Case modified = service.modify(TENANT, CaseModification.builder("case-1", "agent-2").title("New title")
                .description("Description").extension("kept", Value.text("changed")).build()).current();

        assertThat(modified.extensions()).containsEntry("legacy", Value.text("old value"))
                .containsEntry("kept", Value.text("changed"));
        assertThat(store().find(TENANT, created.id())).contains(modified);
        HistoryReplay.assertAgrees(modified, store().history(TENANT, created.id()));
    }
}
