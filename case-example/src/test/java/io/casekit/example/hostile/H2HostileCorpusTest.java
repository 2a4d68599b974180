package io.casekit.example.hostile;

/** The public corpora through the host on an embedded H2 file. */
class H2HostileCorpusTest extends HostileCorpusTests {
    H2HostileCorpusTest() {
        super(HostileStore.H2);
    }
}
