package io.casekit.core.validation;

import io.casekit.core.ViolationCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URL;
import java.util.Collection;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Formats violation messages from {@code ContributorValidationMessages.properties}: every such file
 * on the class path is read (as Hibernate Validator does), so casekit's keys sit beside the host's
 * without either replacing the other. Messages are English; no default locale is consulted.
 */
public final class ViolationMessages {
    static final String BUNDLE = "ContributorValidationMessages.properties";
    private static final String PREFIX = "io.casekit.violation.";
    private static final int MAX_SHOWN_CHARS = 64;
    private static final Map<String, String> PATTERNS = load();

    private ViolationMessages() {}

    /** The message of a violation of {@code field}, its params filled in. */
    public static String format(ViolationCode code, String field, Map<String, Object> params) {
        String pattern = PATTERNS.getOrDefault(PREFIX + code.code(), "{field} is invalid (" + code.code() + ")");
        StringBuilder out = new StringBuilder(pattern.length() + 32);
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            int end = c == '{' ? pattern.indexOf('}', i) : -1;
            if (end < 0) {
                out.append(c);
                i++;
                continue;
            }
            String name = pattern.substring(i + 1, end);
            Object value = name.equals("field") ? field : params.get(name);
            out.append(value == null ? "{" + name + "}" : shown(name, value));
            i = end + 1;
        }
        return out.toString();
    }

    /**
     * Params whose text casekit makes itself from a definition (never from the request), bounded by
     * the definition's own limits: shown whole, as cutting them would cut what the caller needs (the
     * minimum and maximum of a range come last).
     */
    private static final java.util.Set<String> OWN_TEXT = java.util.Set.of("range", "format");

    private static String shown(String name, Object value) {
        String text;
        if (value instanceof BigDecimal d) {
            text = d.toPlainString();
        } else if (value instanceof Collection<?> items) {
            text = items.stream().map(String::valueOf).collect(Collectors.joining(", "));
        } else {
            text = String.valueOf(value);
        }
        // A hostile key or value must not make a message as long as the request.
        return text.length() > MAX_SHOWN_CHARS && !OWN_TEXT.contains(name) ? text.substring(0, MAX_SHOWN_CHARS) + "…" : text;
    }

    private static Map<String, String> load() {
        Map<String, String> patterns = new HashMap<>();
        try {
            ClassLoader loader = ViolationMessages.class.getClassLoader();
            Enumeration<URL> files = loader.getResources(BUNDLE);
            while (files.hasMoreElements()) {
                Properties p = new Properties();
                try (InputStream in = files.nextElement().openStream()) {
                    p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
                }
                for (String key : p.stringPropertyNames()) {
                    if (key.startsWith(PREFIX)) {
                        patterns.putIfAbsent(key, p.getProperty(key));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUNDLE, e);
        }
        return Map.copyOf(patterns);
    }
}
