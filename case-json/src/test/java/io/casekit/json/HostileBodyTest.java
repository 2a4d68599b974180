package io.casekit.json;

import static io.casekit.json.Fixtures.SEED_ID;
import static io.casekit.json.Fixtures.TENANT;
import static io.casekit.json.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile bodies get their defined resCode, change nothing, and cost bounded memory: what a call
 * allocates is measured on its thread. The time limit only guards against a hang.
 */
class HostileBodyTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(10);
    private static final long MiB = 1024 * 1024;

    private Fixtures.World world;

    @BeforeEach
    void seed() {
        world = new Fixtures.World().withSeedCase();
        // The first call loads classes and fills caches; later calls show what a request costs.
        world.modify(Fixtures.SEED_REQUEST.replace("testOpenApi11", "warm-up"));
    }

    private record Outcome(EndpointResponse response, long allocatedBytes) {}

    private Outcome modify(byte[] body) {
        com.sun.management.ThreadMXBean threads = threads();
        return assertTimeoutPreemptively(HANG_GUARD, () -> {
            long before = threads.getCurrentThreadAllocatedBytes();
            EndpointResponse response = world.endpoints.modify(TENANT, body);
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            return new Outcome(response, allocated);
        });
    }

    private static com.sun.management.ThreadMXBean threads() {
        boolean supported = ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                && t.isThreadAllocatedMemorySupported() && t.isThreadAllocatedMemoryEnabled();
        Assumptions.assumeTrue(supported, "this JVM does not count allocations per thread: skipped");
        return (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    }

    /** A modify of the seed case with one more member in caseInfo. */
    private static String withMember(String member) {
        return "{\"caseInfo\":{\"id\":\"" + SEED_ID + "\",\"title\":\"t\",\"description\":\"d\",\"creatorId\":\"u1\","
                + member + "}}";
    }

    private void assertUnchanged() {
        assertThat(world.seedCase().version()).isEqualTo(2);
        assertThat(world.seedHistory()).hasSize(2);
        assertThat(world.memory.size()).isEqualTo(1);
    }

    @Test
    void one_hundred_thousand_nested_arrays_are_400001() {
        byte[] topLevel = new byte[100_000];
        Arrays.fill(topLevel, (byte) '[');
        String nested = withMember("\"zz\":" + "[".repeat(100_000));

        Outcome atTop = modify(topLevel);
        Outcome inside = modify(utf8(nested));

        assertThat(atTop.response().resCode()).isEqualTo(ResCode.MALFORMED_REQUEST);
        assertThat(inside.response().resCode()).isEqualTo(ResCode.MALFORMED_REQUEST);
        assertThat(inside.response().bodyText()).contains("exceeds a limit (nesting depth 32");
        assertThat(atTop.allocatedBytes()).isLessThan(MiB);
        assertThat(inside.allocatedBytes()).isLessThan(4 * MiB);
        assertUnchanged();
    }

    @Test
    void a_ten_mib_body_is_413001_by_its_length_without_being_parsed() {
        // A valid request but for its size: parsed, it would be a too_long violation (400002).
        byte[] valid = utf8(withMember("\"AICC__notes__CST\":\"" + "x".repeat(10 * 1024 * 1024) + "\""));
        byte[] garbage = new byte[10 * 1024 * 1024];
        Arrays.fill(garbage, (byte) 0xFF);

        Outcome validButLarge = modify(valid);
        Outcome largeGarbage = modify(garbage);

        assertThat(validButLarge.response().resCode()).isEqualTo(ResCode.BODY_TOO_LARGE);
        assertThat(largeGarbage.response().resCode()).isEqualTo(ResCode.BODY_TOO_LARGE);
        assertThat(largeGarbage.response().httpStatus()).isEqualTo(413);
        // The buffers of a response on a new thread, far below the body's size.
        assertThat(validButLarge.allocatedBytes()).isLessThan(256 * 1024);
        assertThat(largeGarbage.allocatedBytes()).isLessThan(256 * 1024);
        assertUnchanged();
    }

    @Test
    void a_ten_mib_stream_is_413001_after_reading_one_byte_over_the_limit() {
        long[] read = new long[1];
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                read[0]++;
                return read[0] > 10 * MiB ? -1 : ' ';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (len == 0) {
                    return 0;
                }
                int n = (int) Math.min(len, 10 * MiB - read[0]);
                if (n <= 0) {
                    return -1;
                }
                Arrays.fill(b, off, off + n, (byte) ' ');
                read[0] += n;
                return n;
            }
        };

        EndpointResponse response = assertTimeoutPreemptively(HANG_GUARD, () -> world.endpoints.modify(TENANT, endless));

        assertThat(response.resCode()).as(response.bodyText()).isEqualTo(ResCode.BODY_TOO_LARGE);
        assertThat(read[0]).isEqualTo(JsonLimits.DEFAULT_MAX_DOCUMENT_BYTES + 1);
        // Its size is unknown, so the message must not claim one.
        assertThat(response.bodyText()).isEqualTo("{\"resCode\":\"413001\",\"resMsg\":\"Request body is larger than "
                + "the limit of 1048576 bytes\"}");
        assertUnchanged();
    }

    @Test
    void a_five_thousand_digit_number_is_400001() {
        Outcome outcome = modify(utf8(withMember("\"AICC__refund__CST\":" + "9".repeat(5_000))));

        assertThat(outcome.response().resCode()).isEqualTo(ResCode.MALFORMED_REQUEST);
        assertThat(outcome.response().bodyText()).contains("number length 100 characters");
        assertThat(outcome.allocatedBytes()).isLessThan(MiB);
        assertUnchanged();
    }

    @Test
    void one_e_400_is_read_exactly_and_judged_by_the_field() {
        Outcome asNumber = modify(utf8(withMember("\"AICC__refund__CST\":1e400")));
        Outcome asTitle = modify(utf8(withMember("\"AICC__notes__CST\":1e400")));

        assertThat(asNumber.response().bodyText()).contains("\"path\":\"/caseInfo/AICC__refund__CST\",\"code\":\"out_of_range\"");
        assertThat(asTitle.response().bodyText()).contains("\"path\":\"/caseInfo/AICC__notes__CST\",\"code\":\"invalid_type\"");
        assertThat(asNumber.allocatedBytes()).isLessThan(MiB);
        assertUnchanged();
    }

    @Test
    void a_key_of_one_hundred_thousand_characters_is_400001() {
        Outcome outcome = modify(utf8(withMember("\"" + "k".repeat(100_000) + "\":1")));

        assertThat(outcome.response().resCode()).isEqualTo(ResCode.MALFORMED_REQUEST);
        assertThat(outcome.response().bodyText()).contains("key length 256 characters").doesNotContain("kkkk");
        assertThat(outcome.allocatedBytes()).isLessThan(4 * MiB);
        assertUnchanged();
    }

    @Test
    void invalid_utf8_bytes_are_400001() {
        byte[] body = utf8(withMember("\"AICC__notes__CST\":\"ab\""));
        int at = new String(body, StandardCharsets.UTF_8).indexOf("ab\"");
        body[at] = (byte) 0xC0; // C0 80: an overlong NUL
        body[at + 1] = (byte) 0x80;

        Outcome outcome = modify(body);

        assertThat(outcome.response().bodyText())
                .isEqualTo("{\"resCode\":\"400001\",\"resMsg\":\"Malformed request: invalid UTF-8 at byte offset " + at + "\"}");
        assertUnchanged();
    }

    @Test
    void a_lone_surrogate_escape_in_a_value_is_a_violation_and_in_a_key_is_malformed() {
        Outcome inValue = modify(utf8(withMember("\"AICC__notes__CST\":\"x\\ud800y\"")));
        Outcome inKey = modify(utf8(withMember("\"k\\ud800\":1")));

        assertThat(inValue.response().bodyText()).contains(
                "{\"path\":\"/caseInfo/AICC__notes__CST\",\"code\":\"invalid_characters\"", "\"character\":\"U+D800\"");
        assertThat(inKey.response().resCode()).isEqualTo(ResCode.MALFORMED_REQUEST);
        assertUnchanged();
    }

    @Test
    void a_message_cut_inside_a_surrogate_pair_is_still_written_as_valid_json() throws Exception {
        // The core shows at most 64 characters of a key: here the cut falls between the halves of the emoji.
        String key = "a".repeat(63) + "\uD83D\uDE00";

        Outcome outcome = modify(utf8(withMember("\"" + key + "\":1")));

        assertThat(outcome.response().resCode()).isEqualTo(ResCode.VALIDATION_FAILED);
        JsonNode error = JsonMapper.builder().build().readTree(outcome.response().body()).get("errors").get(0);
        assertThat(error.get("path").asString()).isEqualTo("/caseInfo/" + key);
        assertThat(error.get("code").asString()).isEqualTo("unknown_field");
        // A strict decoder throws on a lone surrogate written as raw bytes.
        String strictlyDecoded = StandardCharsets.UTF_8.newDecoder()
                .decode(java.nio.ByteBuffer.wrap(outcome.response().body())).toString();
        assertThat(strictlyDecoded).contains("\\uD83D");
        assertUnchanged();
    }

    @Test
    void a_nul_escape_is_a_violation() {
        Outcome outcome = modify(utf8(withMember("\"AICC__notes__CST\":\"\\u0000\"")));

        assertThat(outcome.response().bodyText()).contains(
                "{\"path\":\"/caseInfo/AICC__notes__CST\",\"code\":\"invalid_characters\"",
                "\"character\":\"U+0000\"");
        assertUnchanged();
    }

    @Test
    void a_body_that_fails_while_being_read_is_400001() {
        InputStream broken = new ByteArrayInputStream(new byte[0]) {
            @Override
            public int read(byte[] b, int off, int len) {
                throw new java.io.UncheckedIOException(new java.io.IOException("connection reset"));
            }
        };
        InputStream failing = new InputStream() {
            @Override
            public int read() throws java.io.IOException {
                throw new java.io.IOException("connection reset");
            }
        };

        assertThat(world.endpoints.modify(TENANT, failing).bodyText())
                .isEqualTo("{\"resCode\":\"400001\",\"resMsg\":\"Malformed request: the body could not be read\"}");
        assertThat(world.endpoints.modify(TENANT, broken).resCode()).isEqualTo(ResCode.INTERNAL_ERROR);
        assertUnchanged();
    }
}
