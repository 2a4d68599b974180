package io.casekit.core;

import java.util.List;
import java.util.Optional;

/** The priority of a case. Wire names are exact and case-sensitive: {@code low} is not {@code Low}. */
public enum Priority {
    LOW("Low"),
    MEDIUM("Medium"),
    HIGH("High"),
    CRITICAL("Critical");

    /** The accepted wire names, in order, for error messages. */
    public static final List<String> WIRE_NAMES = List.of("Low", "Medium", "High", "Critical");

    private final String wireName;

    Priority(String wireName) {
        this.wireName = wireName;
    }

    /** The AICC name: {@code Low}, {@code Medium}, {@code High} or {@code Critical}. */
    public String wireName() {
        return wireName;
    }

    /** The priority with exactly this wire name, or empty. */
    public static Optional<Priority> fromWireName(String name) {
        for (Priority p : values()) {
            if (p.wireName.equals(name)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
