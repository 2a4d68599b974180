package io.casekit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casekit.core.template.CaseType;
import org.junit.jupiter.api.Test;

/** Template field definitions in their tagged text column. */
class TemplateColumnsTest {

    @Test
    void templatesReadBackEqualWithUnsetOptionsStillUnset() {
        CaseType complaint = TemplateFixtures.complaint(Fixtures.TENANT);
        String column = TemplateColumns.fields(complaint.fields());
        assertThat(TemplateColumns.fields(column)).isEqualTo(complaint.fields());
        assertThat(TemplateColumns.fields(column).get(3).maxBytes()).isEmpty();
    }

    @Test
    void aTemplateWithAnUnknownFieldTypeIsRefused() {
        String column = TemplateColumns.fields(TemplateFixtures.simple(Fixtures.TENANT, Fixtures.TYPE, "n").fields())
                .replace("4:TEXT", "4:BLOB");
        assertThatThrownBy(() -> TemplateColumns.fields(column)).isInstanceOf(MalformedColumnException.class);
    }
}
