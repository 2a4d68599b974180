package io.casekit.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The configuration metadata that IDEs complete {@code casekit.*} from: every property is there with
 * a description, and the defaults it shows are the defaults the code has.
 */
class ConfigurationMetadataTest {

    @Test
    void everyPropertyIsDescribedWithTheDefaultTheCodeHas() throws Exception {
        JsonNode metadata;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("written by spring-boot-configuration-processor").isNotNull();
            metadata = JsonMapper.builder().build().readTree(in);
        }
        Map<String, JsonNode> properties = new HashMap<>();
        metadata.get("properties").forEach(p -> properties.put(p.get("name").asString(), p));

        CasekitProperties defaults = new CasekitProperties();
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("casekit.zone", defaults.getZone().getId());
        expected.put("casekit.jdbc.table-prefix", defaults.getJdbc().getTablePrefix());
        expected.put("casekit.jdbc.schema", null);
        expected.put("casekit.templates.cache-ttl", defaults.getTemplates().getCacheTtl());
        expected.put("casekit.templates.cache-maximum-size", defaults.getTemplates().getCacheMaximumSize());
        expected.put("casekit.json.max-document-bytes", (long) defaults.getJson().getMaxDocumentBytes());
        expected.put("casekit.json.max-nesting-depth", (long) defaults.getJson().getMaxNestingDepth());
        expected.put("casekit.service.max-reapplies", (long) defaults.getService().getMaxReapplies());
        expected.put("casekit.service.due-date-not-in-past", defaults.getService().isDueDateNotInPast());
        expected.put("casekit.web.enabled", defaults.getWeb().isEnabled());

        assertThat(properties.keySet()).as("the properties the metadata lists")
                .containsAll(expected.keySet());
        for (Map.Entry<String, Object> e : expected.entrySet()) {
            JsonNode property = properties.get(e.getKey());
            assertThat(property.path("description").asString("")).as("description of %s", e.getKey()).isNotBlank();
            JsonNode shown = property.get("defaultValue");
            Object value = e.getValue();
            if (value == null) {
                assertThat(shown).as("no default shown for %s", e.getKey()).isNull();
                continue;
            }
            assertThat(shown).as("the default shown for %s", e.getKey()).isNotNull();
            if (value instanceof Duration d) {
                assertThat(DurationStyle.detectAndParse(shown.asString())).as(e.getKey()).isEqualTo(d);
            } else if (value instanceof Long n) {
                assertThat(shown.asLong()).as(e.getKey()).isEqualTo(n);
            } else if (value instanceof Boolean b) {
                assertThat(shown.asBoolean()).as(e.getKey()).isEqualTo(b);
            } else {
                assertThat(shown.asString()).as(e.getKey()).isEqualTo(value);
            }
        }
    }
}
