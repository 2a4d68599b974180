package io.casekit.example.hostile;

/** The public corpora through the host on PostgreSQL, when casekit.databases lists it. */
class PostgreSqlHostileCorpusTest extends HostileCorpusTests {
    PostgreSqlHostileCorpusTest() {
        super(HostileStore.POSTGRESQL);
    }
}
