package io.casekit.example.hostile;

/** The public corpora through the host on the in-memory store (the same HTTP server, on a service over the in-memory store). */
class MemoryHostileCorpusTest extends HostileCorpusTests {
    MemoryHostileCorpusTest() {
        super(HostileStore.MEMORY);
    }
}
