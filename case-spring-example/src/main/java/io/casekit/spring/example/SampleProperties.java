package io.casekit.spring.example;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * The sample's own {@code sample.*} properties, bound once at start-up.
 *
 * @param tokens    {@code sample.tokens.<token>=<tenant>}: which {@code access-token} opens which
 *                  tenant; several tokens may open one tenant. Empty: every request is refused
 *                  ({@code 401001})
 * @param caseTypes {@code sample.case-types}: a case type document ({@code {"caseTypes":[…]}}, as
 *                  {@link io.casekit.json.CaseJson#readCaseTypes} reads it) saved into the catalog at
 *                  start-up; any Spring resource location ({@code classpath:…}, {@code file:…}); unset
 *                  (null) loads none
 */
@ConfigurationProperties("sample")
public record SampleProperties(Map<String, String> tokens, @Nullable Resource caseTypes) {

    public SampleProperties {
        tokens = tokens == null ? Map.of() : Map.copyOf(tokens);
    }
}
