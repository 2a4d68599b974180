package io.casekit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.core.Case;
import io.casekit.core.CaseDraft;
import io.casekit.core.CaseModification;
import io.casekit.core.CaseTypeId;
import io.casekit.core.TenantId;
import io.casekit.core.Value;
import io.casekit.core.service.CaseService;
import io.casekit.core.template.CaseType;
import io.casekit.core.template.FieldDefinition;
import io.casekit.core.template.FieldType;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** The README's quick start and transaction example, as a host would write them, on embedded H2. */
class ReadmeExampleTest {

    @Test
    void theQuickStartWorksAsWritten() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:readme" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");

        Jdbi jdbi = Jdbi.create(dataSource);
        JdbcStoreOptions options = JdbcStoreOptions.defaults();
        JdbcSchema.create(jdbi, options);

        CaseService cases = CaseService.builder(
                JdbcCaseStore.create(jdbi, options),
                JdbcTemplateCatalog.create(jdbi, options)).build();

        TenantId tenant = TenantId.of("t1");
        CaseTypeId complaint = CaseTypeId.of("ct000000000000000001");
        cases.templates().save(new CaseType(tenant, complaint, "Complaint", List.of(
                FieldDefinition.builder("AICC__severity__CST", FieldType.PICKLIST)
                        .required(true).options(List.of("S1", "S2", "S3")).build())));
        cases.create(tenant, CaseDraft.builder(complaint, "10gg0000013wljxK5XX6")
                .id("c6m800000142mS63Voa8").title("Refund not received").description("Ordered on 1 June")
                .contactId("ciIy0000013w9aru7cDQ").extension("AICC__severity__CST", Value.text("S2")).build());
        jdbi.useHandle(h -> h.execute("CREATE TABLE audit (note VARCHAR(100))"));

        CaseModification modification = CaseModification.builder("c6m800000142mS63Voa8", "10gg0000013wljxK5XX6")
                .title("testOpenApi11").description("test111").build();
        jdbi.useTransaction(handle -> {
            cases.modify(tenant, modification);
            handle.execute("INSERT INTO audit (note) VALUES ('modified')");
        });

        Case stored = cases.get(tenant, io.casekit.core.CaseId.of("c6m800000142mS63Voa8"));
        assertThat(stored.title()).isEqualTo("testOpenApi11");
        assertThat(stored.version()).isEqualTo(2);
        assertThat(cases.history(tenant, stored.id())).hasSize(2);
        int audited = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit").mapTo(Integer.class).one());
        assertThat(audited).isEqualTo(1);
        JdbcSchema.validate(jdbi, options);
        jdbi.useHandle(h -> h.execute("DROP ALL OBJECTS"));
    }
}
