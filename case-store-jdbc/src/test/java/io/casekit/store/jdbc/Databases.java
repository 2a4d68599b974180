package io.casekit.store.jdbc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The test databases of one test class: opened (tables created) before its first test, emptied
 * after each test, dropped after the last. Register it as a static field:
 * {@code @RegisterExtension static final Databases DATABASES = Databases.requested();}.
 *
 * <p>{@code @Nested} classes inherit the extension and share the enclosing class's databases.
 *
 * <p>A database that {@code casekit.databases} requests must be reachable: opening it throws and
 * the class fails. A class made for one database that is not requested is skipped with a message.
 */
final class Databases implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {
    private final List<String> names;
    private final boolean onlyIfRequested;
    private final Map<String, TestDatabase> open = new LinkedHashMap<>();
    /** The class whose run opened the databases; nested classes inherit this extension and reuse them. */
    private String openedBy = "";

    private Databases(List<String> names, boolean onlyIfRequested) {
        this.names = names;
        this.onlyIfRequested = onlyIfRequested;
    }

    /** Every database the run requests (always H2). */
    static Databases requested() {
        return new Databases(TestDatabase.requested(), false);
    }

    /** One database; its tests are skipped when the run does not request it. */
    static Databases only(String name) {
        return new Databases(List.of(name), true);
    }

    /** The names of the databases the run requests, for {@code @MethodSource}. */
    static List<String> names() {
        return TestDatabase.requested();
    }

    TestDatabase get(String name) {
        return Objects.requireNonNull(open.get(name), () -> name + " is not open");
    }

    List<TestDatabase> all() {
        return new ArrayList<>(open.values());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!open.isEmpty()) {
            return;
        }
        if (onlyIfRequested) {
            Assumptions.assumeTrue(TestDatabase.isRequested(names.get(0)), () -> "Skipped: " + names.get(0)
                    + " runs only when casekit.databases lists it (mvn -Pdatabases verify)");
        }
        openedBy = context.getUniqueId();
        for (String name : names) {
            open.put(name, TestDatabase.open(name));
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        for (TestDatabase db : open.values()) {
            db.deleteAll();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (!context.getUniqueId().equals(openedBy)) {
            return;
        }
        RuntimeException first = null;
        for (TestDatabase db : open.values()) {
            try {
                db.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        open.clear();
        if (first != null) {
            throw first;
        }
    }
}
