package io.casekit.store.tck;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayNameGenerator;

/**
 * Names each section of the kit after the store's test class and the section, e.g.
 * {@code H2CaseStoreTest › compare and set}, so that where JUnit's display names are shown (IDEs,
 * the console launcher) a run of several stores says which one failed. Test methods keep their own
 * {@code @DisplayName}s. Surefire's reports do not show these names: they list a test under the
 * section's class, {@code CaseStoreContract$CompareAndSet}, in the report file of the store's test
 * class (see the kit's README).
 */
public final class ContractDisplayNames extends DisplayNameGenerator.Standard {

    /** Made by JUnit. */
    public ContractDisplayNames() {}

    @Override
    public String generateDisplayNameForNestedClass(List<Class<?>> enclosingInstanceTypes, Class<?> nestedClass) {
        String store = enclosingInstanceTypes.isEmpty() ? "" : enclosingInstanceTypes.get(0).getSimpleName() + " › ";
        return store + words(nestedClass.getSimpleName());
    }

    /** {@code CompareAndSet} as {@code compare and set}. */
    private static String words(String camelCase) {
        return camelCase.replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase(Locale.ROOT);
    }
}
