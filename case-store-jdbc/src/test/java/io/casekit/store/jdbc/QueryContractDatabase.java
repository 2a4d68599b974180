package io.casekit.store.jdbc;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import org.jspecify.annotations.Nullable;

/**
 * The database of the kit's query section ({@code CaseQueryContract}), which runs on jqwik and so
 * sees no JUnit extension ({@link Databases}): opened with its tables at the first store asked for,
 * emptied before every store it hands out, dropped by {@link #close()} (the section's
 * {@code @AfterContainer}). A database the run does not request is skipped through {@link Requires}.
 * Thread-safe.
 */
final class QueryContractDatabase {
    private final String name;
    private @Nullable TestDatabase open;

    QueryContractDatabase(String name) {
        this.name = name;
    }

    /** A store on empty tables. */
    synchronized JdbcCaseStore freshStore() {
        if (open == null) {
            open = TestDatabase.open(name);
        }
        open.deleteAll();
        return open.store();
    }

    synchronized void close() {
        if (open != null) {
            try {
                open.close();
            } finally {
                open = null;
            }
        }
    }

    /** Skips the annotated jqwik container unless {@code casekit.databases} requests the database. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface Requires {
        String value();
    }

    /** The hook behind {@link Requires}; register it with {@code @AddLifecycleHook(QueryContractDatabase.Skip.class)}. */
    static final class Skip implements SkipExecutionHook {
        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            return context.findAnnotation(Requires.class)
                    .filter(r -> !TestDatabase.isRequested(r.value()))
                    .map(r -> SkipResult.skip("Skipped: " + r.value() + " runs only when casekit.databases lists it"
                            + " (mvn -Pdatabases verify)"))
                    .orElse(SkipResult.doNotSkip());
        }
    }
}
