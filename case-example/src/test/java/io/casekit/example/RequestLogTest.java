package io.casekit.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class RequestLogTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final RequestLog log = RequestLog.to(new PrintStream(out, true, StandardCharsets.UTF_8),
            Clock.fixed(Instant.parse("2026-11-27T22:12:31Z"), ZoneId.of("Asia/Kathmandu")));

    @Test
    void oneLineWithTimeMethodPathStatusCodeAndMilliseconds() {
        log.record("POST", "/service/AICC__Case/1.0.0/openapi/case/modify", 200, "0", 12);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
                "2026-11-27T22:12:31.000Z POST /service/AICC__Case/1.0.0/openapi/case/modify 200 0 12ms"
                        + System.lineSeparator());
    }

    @Test
    void aClientCanNotForgeALine() {
        log.record("GET", "/a\r\n2026-01-01T00:00:00.000Z GET /forged 200 0 1ms", 404, "404000", 1);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
                "2026-11-27T22:12:31.000Z GET /a??2026-01-01T00:00:00.000Z?GET?/forged?200?0?1ms 404 404000 1ms"
                        + System.lineSeparator());
    }

    @Test
    void aLongPathIsCut() {
        log.record("GET", "/" + "x".repeat(1000), 404, "404000", 0);

        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("2026-11-27T22:12:31.000Z GET /" + "x".repeat(RequestLog.MAX_PATH_LENGTH - 1) + "... 404 404000 0ms"
                        + System.lineSeparator());
    }
}
