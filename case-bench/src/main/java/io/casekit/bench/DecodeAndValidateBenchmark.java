package io.casekit.bench;

import io.casekit.bench.baseline.HandWrittenCase;
import io.casekit.bench.baseline.HandWrittenModifyRequest;
import io.casekit.core.CaseDraft;
import io.casekit.core.CaseTypeId;
import io.casekit.core.TenantId;
import io.casekit.core.Value;
import io.casekit.core.service.CaseService;
import io.casekit.core.service.ModificationPreview;
import io.casekit.core.template.CaseType;
import io.casekit.core.template.FieldDefinition;
import io.casekit.core.template.FieldType;
import io.casekit.json.CaseJson;
import io.casekit.store.memory.InMemoryCaseStore;
import io.casekit.store.memory.InMemoryTemplateCatalog;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Benchmark 1: the seed's modify request, bytes to a validated modification applied to a case (no
 * write), against Jackson databind into a plain class validated by Hibernate Validator.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class DecodeAndValidateBenchmark {
    static final TenantId TENANT = TenantId.of("t1");
    static final CaseTypeId TYPE = CaseTypeId.of("ct000000000000000001");

    /** seed: the request verbatim; template10: plus 10 extension fields; description20k: a 20,000-byte description. */
    @Param({"seed", "template10", "description20k"})
    public String request;

    private byte[] body;
    private CaseService service;
    private CaseJson json;
    private ObjectMapper mapper;
    private Validator validator;
    private HandWrittenCase handWritten;

    @Setup(Level.Trial)
    public void setUp() {
        InMemoryCaseStore store = new InMemoryCaseStore();
        InMemoryTemplateCatalog catalog = new InMemoryTemplateCatalog();
        catalog.save(template());
        service = CaseService.builder(store, catalog).build();
        CaseDraft.Builder draft = CaseDraft.builder(TYPE, "10gg0000013wljxK5XX6").id("c6m800000142mS63Voa8")
                .title("created").description("first").contactId("ciIy0000013w9aru7cDQ");
        for (int i = 0; i < 10; i++) {
            draft.extension("AICC__f" + i + "__CST", Value.text("initial"));
        }
        service.create(TENANT, draft.build());
        json = CaseJson.create();
        body = Requests.modify(request).getBytes(StandardCharsets.UTF_8);

        mapper = JsonMapper.builder().build();
        validator = Validation.byProvider(HibernateValidator.class).configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
        handWritten = new HandWrittenCase();
    }

    static CaseType template() {
        List<FieldDefinition> fields = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            fields.add(FieldDefinition.builder("AICC__f" + i + "__CST", FieldType.TEXT).build());
        }
        return new CaseType(TENANT, TYPE, "Complaint", fields);
    }

    @Benchmark
    public ModificationPreview casekit() {
        ModificationPreview preview = service.preview(TENANT, json.readModification(body));
        if (!preview.valid()) {
            throw new IllegalStateException(preview.violations().toString());
        }
        return preview;
    }

    @Benchmark
    public HandWrittenCase handWritten() {
        HandWrittenModifyRequest in = mapper.readValue(body, HandWrittenModifyRequest.class);
        Set<ConstraintViolation<HandWrittenModifyRequest>> violations = validator.validate(in);
        if (!violations.isEmpty()) {
            throw new IllegalStateException(violations.toString());
        }
        handWritten.apply(in.caseInfo);
        return handWritten;
    }
}
