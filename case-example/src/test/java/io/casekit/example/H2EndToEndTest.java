package io.casekit.example;

/** The end-to-end tests on the default database: an embedded H2 file. */
class H2EndToEndTest extends EndToEndTests {
    H2EndToEndTest() {
        super(TestDatabase.H2);
    }
}
