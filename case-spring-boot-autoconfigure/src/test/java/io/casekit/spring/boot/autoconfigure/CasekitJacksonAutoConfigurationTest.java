package io.casekit.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.core.CaseModification;
import io.casekit.core.Violation;
import io.casekit.core.ViolationCode;
import io.casekit.json.CaseJson;
import io.casekit.json.CasekitModule;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** casekit's module in Boot's JsonMapper, and nothing else of that mapper changed. */
class CasekitJacksonAutoConfigurationTest {
    private final ApplicationContextRunner boot = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class));

    @Test
    void bootsMapperReadsAndWritesCasekitsTypes() {
        boot.withConfiguration(AutoConfigurations.of(CasekitJacksonAutoConfiguration.class)).run(context -> {
            JsonMapper mapper = context.getBean(JsonMapper.class);
            assertThat(mapper.registeredModules()).extracting(m -> m.getModuleName()).contains(CasekitModule.NAME);

            CaseModification read = mapper.readValue("{\"caseInfo\":{\"caseId\":\"c1\",\"operator\":\"op\",\"title\":\"t\"}}",
                    CaseModification.class);
            assertThat(read.caseInfo()).containsKeys("caseId", "operator", "title");
            assertThat(read.aiccRequest()).isTrue();
            Violation violation = new Violation("/caseInfo/title", ViolationCode.REQUIRED, Map.of(), "title is required");
            assertThat(mapper.writeValueAsString(violation))
                    .isEqualTo(new String(CaseJson.create().mapperBuilder().build().writeValueAsBytes(violation),
                            java.nio.charset.StandardCharsets.UTF_8));
            assertThat(context.getBean(CaseJson.class).limits().maxDocumentBytes()).isEqualTo(1_048_576);
        });
    }

    @Test
    void everythingElseAboutBootsMapperStaysAsItWas() {
        List<String> without = new ArrayList<>();
        List<String> with = new ArrayList<>();
        boot.run(context -> without.addAll(fingerprint(context.getBean(JsonMapper.class))));
        boot.withConfiguration(AutoConfigurations.of(CasekitJacksonAutoConfiguration.class))
                .run(context -> with.addAll(fingerprint(context.getBean(JsonMapper.class))));

        assertThat(with).isNotEmpty().isEqualTo(without);
    }

    @Test
    void theWireLimitsComeFromTheProperties() {
        boot.withConfiguration(AutoConfigurations.of(CasekitJacksonAutoConfiguration.class))
                .withPropertyValues("casekit.json.max-document-bytes=2048", "casekit.json.max-nesting-depth=8")
                .run(context -> {
                    CaseJson json = context.getBean(CaseJson.class);
                    assertThat(json.limits().maxDocumentBytes()).isEqualTo(2048);
                    assertThat(json.limits().maxNestingDepth()).isEqualTo(8);
                });
    }

    /** Every on/off feature of the mapper, and how it writes and reads values that are not casekit's. */
    private static List<String> fingerprint(JsonMapper mapper) {
        List<String> seen = new ArrayList<>();
        for (SerializationFeature f : SerializationFeature.values()) {
            seen.add(f + "=" + mapper.isEnabled(f));
        }
        for (DeserializationFeature f : DeserializationFeature.values()) {
            seen.add(f + "=" + mapper.isEnabled(f));
        }
        for (MapperFeature f : MapperFeature.values()) {
            seen.add(f + "=" + mapper.isEnabled(f));
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("instant", Instant.parse("2026-03-01T10:15:30.123Z"));
        values.put("local", LocalDateTime.of(2026, 3, 1, 10, 15));
        values.put("decimal", new BigDecimal("1.50"));
        values.put("optional", Optional.empty());
        values.put("nothing", null);
        values.put("record", new Sample("a", 1));
        seen.add(mapper.writeValueAsString(values));
        seen.add(String.valueOf(mapper.readValue("{\"name\":\"a\",\"count\":1}", Sample.class)));
        return seen;
    }

    record Sample(String name, int count) {}
}
