package io.casekit.store.jdbc;

import io.casekit.core.query.CaseFilter;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Brings the {@code title_folded} column of existing cases to casekit's folding
 * ({@link CaseFilter.TitleContains#fold}, Java's {@link Character#toLowerCase(int)} per code point).
 * Schema version 3's PostgreSQL and MariaDB scripts fill the new column with {@code LOWER(title)},
 * which folds ASCII the same way but the rest as the database's locale or collation does (PostgreSQL
 * under {@code LC_CTYPE=C} leaves {@code Ä} as it is); a title filter would then miss such a case
 * until its next update. This pass rewrites every row whose folding differs.
 *
 * <p>Reads the case table in pages of {@value #PAGE} rows by {@code (tenant, id)}, so memory stays
 * bounded whatever the table's size. An update names the version it read, so a case a store changed
 * in the meantime (which wrote the exact folding itself) is left alone. Idempotent.
 */
final class TitleFolding {
    static final int PAGE = 1_000;

    private TitleFolding() {}

    private record Row(String tenant, String id, long version, String title, String folded) {}

    /** Rewrites the folding of every case whose stored one differs; returns how many it rewrote. */
    static long refold(Handle handle, String caseTable) {
        String first = "SELECT tenant, id, version, title, title_folded FROM " + caseTable
                + " ORDER BY tenant, id LIMIT " + PAGE;
        String next = "SELECT tenant, id, version, title, title_folded FROM " + caseTable
                + " WHERE tenant > ? OR (tenant = ? AND id > ?) ORDER BY tenant, id LIMIT " + PAGE;
        String update = "UPDATE " + caseTable + " SET title_folded = ? WHERE tenant = ? AND id = ? AND version = ?";
        long rewritten = 0;
        Row last = null;
        while (true) {
            List<Row> rows;
            if (last == null) {
                rows = handle.createQuery(first).map((rs, ctx) -> row(rs)).list();
            } else {
                rows = handle.createQuery(next).bind(0, last.tenant()).bind(1, last.tenant()).bind(2, last.id())
                        .map((rs, ctx) -> row(rs)).list();
            }
            for (Row r : rows) {
                String exact = CaseFilter.TitleContains.fold(r.title());
                if (!exact.equals(r.folded())) {
                    rewritten += handle.createUpdate(update).bind(0, exact).bind(1, r.tenant()).bind(2, r.id())
                            .bind(3, r.version()).execute();
                }
            }
            if (rows.size() < PAGE) {
                return rewritten;
            }
            last = rows.get(rows.size() - 1);
        }
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5));
    }
}
