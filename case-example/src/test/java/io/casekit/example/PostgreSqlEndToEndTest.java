package io.casekit.example;

/** The end-to-end tests on PostgreSQL, when {@code casekit.databases} lists it. */
class PostgreSqlEndToEndTest extends EndToEndTests {
    PostgreSqlEndToEndTest() {
        super(TestDatabase.POSTGRESQL);
    }
}
