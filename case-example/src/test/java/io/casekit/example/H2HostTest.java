package io.casekit.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a host does with its database over time: a restart, an outage, a port already taken. */
class H2HostTest {
    private static final String UNAVAILABLE =
            "{\"resCode\":\"503001\",\"resMsg\":\"Storage unavailable; the request can be retried\"}";

    @TempDir
    Path folder;

    @Test
    void aRestartOnTheSameFileKeepsEveryCaseAndItsHistory() throws Exception {
        HostSettings settings = HostSettings.defaults().withDatabaseUrl(CaseDatabase.h2FileUrl(folder.resolve("casekit")));
        Map<String, byte[]> reads = new LinkedHashMap<>();
        Map<String, byte[]> histories = new LinkedHashMap<>();
        String globexCase = TestHost.newCaseId();
        List<String> acmeCases;
        try (TestHost first = TestHost.start(settings, folder)) {
            acmeCases = List.of(first.createAcmeCase("One"), first.createAcmeCase("Two"), first.createAcmeCase("Three"));
            first.post("case/modify", first.acmeToken, TestHost.retitle(acmeCases.get(0), "One, again"));
            first.post("case/modify", first.acmeToken, TestHost.retitle(acmeCases.get(0), "One, a third time"));
            first.post("case/modify", first.acmeToken, TestHost.retitle(acmeCases.get(1), "Two, again"));
            assertThat(first.post("case", first.globexToken, "{\"caseInfo\":{\"id\":\"" + globexCase + "\",\"type\":\""
                    + TestHost.TYPE + "\",\"title\":\"Globex\",\"description\":\"d\",\"contactId\":\"" + TestHost.CONTACT
                    + "\",\"creatorId\":\"" + TestHost.CREATOR + "\"}}").status()).isEqualTo(200);
            for (String id : acmeCases) {
                reads.put(id, first.get("case/" + id, first.acmeToken).body());
                histories.put(id, first.get("case/" + id + "/history", first.acmeToken).body());
            }
            reads.put(globexCase, first.get("case/" + globexCase, first.globexToken).body());
            histories.put(globexCase, first.get("case/" + globexCase + "/history", first.globexToken).body());
        }

        try (TestHost second = TestHost.start(settings, folder)) {
            for (String id : acmeCases) {
                assertThat(second.get("case/" + id, second.acmeToken).body()).isEqualTo(reads.get(id));
                assertThat(second.get("case/" + id + "/history", second.acmeToken).body()).isEqualTo(histories.get(id));
            }
            assertThat(second.get("case/" + globexCase, second.globexToken).body()).isEqualTo(reads.get(globexCase));
            assertThat(second.get("case/" + globexCase + "/history", second.globexToken).body())
                    .isEqualTo(histories.get(globexCase));
            assertThat(second.get("case/" + acmeCases.get(0) + "/history", second.acmeToken).json().get("result").size())
                    .isEqualTo(3);
            second.post("case/modify", second.acmeToken, TestHost.retitle(acmeCases.get(0), "One, after the restart"));
            assertThat(second.get("case/" + acmeCases.get(0), second.acmeToken).json().get("result").get(0)
                    .get("version").asLong()).isEqualTo(4);
        }
    }

    @Test
    void aDatabaseThatWentAwayMakesEveryEndpointStorageUnavailable() throws Exception {
        Server database = Server.createTcpServer("-tcpPort", String.valueOf(freePort()), "-baseDir", folder.toString(),
                "-ifNotExists").start();
        try {
            String url = "jdbc:h2:tcp://127.0.0.1:" + database.getPort() + "/casekit";
            HostSettings settings = HostSettings.defaults().withDatabaseUrl(url).withDatabaseTimeout(Duration.ofMillis(500));
            try (TestHost host = TestHost.start(settings, folder)) {
                String id = host.createAcmeCase("Before the outage");
                host.clearLog();

                database.stop();

                List<Reply> replies = List.of(
                        host.get("case/" + id, host.acmeToken),
                        host.get("case/" + id + "/history", host.acmeToken),
                        host.post("case/modify", host.acmeToken, TestHost.retitle(id, "During the outage")),
                        host.post("case", host.acmeToken, TestHost.acmeCase(TestHost.newCaseId(), "New")));
                for (Reply reply : replies) {
                    assertThat(reply.status()).as("%s", reply).isEqualTo(503);
                    assertThat(reply.text()).isEqualTo(UNAVAILABLE);
                }
                assertThat(host.awaitLogLines(4)).allSatisfy(line -> assertThat(line).contains(" 503 503001 "));
            }
        } finally {
            database.stop();
        }
    }

    @Test
    void aPortAlreadyTakenStopsTheStartWithAClearMessage() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            HostSettings settings = HostSettings.defaults()
                    .withDatabaseUrl(CaseDatabase.h2FileUrl(folder.resolve("casekit")))
                    .withPort(taken.getLocalPort());

            assertThatThrownBy(() -> CaseHost.start(settings, AccessTokens.single("t", TestHost.ACME), List.of(),
                    (method, path, status, resCode, millis) -> { }))
                    .isInstanceOf(StartupException.class)
                    .hasMessageStartingWith("Port " + taken.getLocalPort() + " on 127.0.0.1 can not be used");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
