package io.casekit.example;

/** The end-to-end tests on MariaDB, when {@code casekit.databases} lists it. */
class MariaDbEndToEndTest extends EndToEndTests {
    MariaDbEndToEndTest() {
        super(TestDatabase.MARIADB);
    }
}
