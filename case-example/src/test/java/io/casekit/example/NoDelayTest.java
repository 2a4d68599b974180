package io.casekit.example;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The host turns Nagle's algorithm off for the JDK server unless the JVM was told otherwise. */
class NoDelayTest {
    @Test
    void loadingTheServerSwitchesNoDelayOn() throws ClassNotFoundException {
        Class.forName(CaseHttpServer.class.getName());
        assertThat(System.getProperty("sun.net.httpserver.nodelay")).isNotNull();
    }
}
