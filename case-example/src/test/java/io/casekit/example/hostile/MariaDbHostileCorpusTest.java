package io.casekit.example.hostile;

/** The public corpora through the host on MariaDB, when casekit.databases lists it. */
class MariaDbHostileCorpusTest extends HostileCorpusTests {
    MariaDbHostileCorpusTest() {
        super(HostileStore.MARIADB);
    }
}
