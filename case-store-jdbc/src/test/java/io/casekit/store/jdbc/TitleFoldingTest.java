package io.casekit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.core.Case;
import io.casekit.core.Value;
import io.casekit.core.query.CaseFilter;
import io.casekit.core.query.CaseQuery;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link JdbcSchema#foldTitles} (and so {@link JdbcSchema#create} after schema version 3's scripts,
 * whose {@code LOWER(title)} is exact for ASCII only) rewrites the {@code title_folded} of every case
 * whose folding differs from casekit's, page after page, and no other.
 */
class TitleFoldingTest {
    @RegisterExtension
    static final Databases DATABASES = Databases.requested();

    /** Titles whose folding databases do differently: Turkish dotted I, capital sharp s, final sigma, Deseret. */
    private static final List<String> TITLES = List.of("İSTANBUL Ärger", "STRAẞE", "ΟΔΟΣ", "𐐀 Deseret", "plain ascii");

    static List<String> databases() {
        return Databases.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void everyCaseWhoseFoldingDiffersIsRewrittenAcrossPagesAndTitleFiltersFindIt(String database) {
        TestDatabase db = DATABASES.get(database);
        JdbcCaseStore store = db.store();
        int cases = TitleFolding.PAGE * 2 + 3;
        for (int i = 0; i < cases; i++) {
            String title = TITLES.get(i % TITLES.size()) + " " + i;
            Case c = Fixtures.minimal(Fixtures.TENANT, "c" + i).with("title", Optional.of(Value.text(title)));
            store.insert(c, Fixtures.creation(c));
        }
        // What a database's LOWER() may have left: the title unfolded, for every case but the ASCII ones.
        db.jdbi.useHandle(h -> h.execute("UPDATE " + db.prefix + "case SET title_folded = title WHERE title NOT LIKE 'plain%'"));
        long wrong = cases - cases / TITLES.size();

        long rewritten = JdbcSchema.foldTitles(db.jdbi, db.options());

        assertThat(rewritten).isEqualTo(wrong);
        List<String[]> rows = db.jdbi.withHandle(h -> h.createQuery("SELECT title, title_folded FROM " + db.prefix + "case")
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)}).list());
        assertThat(rows).hasSize(cases)
                .allSatisfy(r -> assertThat(r[1]).isEqualTo(CaseFilter.TitleContains.fold(r[0])));
        // 2,003 cases, five titles in turn: the first three titles occur 401 times, the others 400.
        assertThat(store.count(Fixtures.TENANT, CaseQuery.builder().titleContains("istanbul ärger").build())).isEqualTo(401);
        assertThat(store.count(Fixtures.TENANT, CaseQuery.builder().titleContains("straße").build())).isEqualTo(401);
        assertThat(store.count(Fixtures.TENANT, CaseQuery.builder().titleContains("οδοσ").build())).isEqualTo(401);
        assertThat(store.count(Fixtures.TENANT, CaseQuery.builder().titleContains("𐐨 deseret").build())).isEqualTo(400);

        assertThat(JdbcSchema.foldTitles(db.jdbi, db.options())).as("a second run").isZero();
    }
}
