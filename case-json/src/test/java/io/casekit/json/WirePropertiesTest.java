package io.casekit.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.core.InputValue;
import io.casekit.core.Value;
import io.casekit.json.internal.Responses;
import io.casekit.json.internal.StrictUtf8;
import io.casekit.json.internal.WireWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Properties of the wire: what casekit writes it reads back exactly; its UTF-8 check is the standard's. */
class WirePropertiesTest {
    private final CaseJson json = CaseJson.create();

    @Property
    void any_string_written_is_read_back_exactly(@ForAll String text) {
        byte[] body = Responses.write(g -> {
            g.writeStartObject();
            g.writeName("caseInfo");
            g.writeStartObject();
            g.writeStringProperty("k", text);
            g.writeEndObject();
            g.writeEndObject();
        });

        assertThat(json.readCaseInfo(body).get("k")).isEqualTo(InputValue.text(text));
    }

    @Property
    void any_decimal_written_is_read_back_equal_scale_included(@ForAll BigInteger unscaled,
                                                                 @ForAll @IntRange(min = -60, max = 60) int scale) {
        BigDecimal number = new BigDecimal(unscaled, scale);
        byte[] body = Responses.write(g -> {
            g.writeStartObject();
            g.writeName("caseInfo");
            g.writeStartObject();
            g.writeName("n");
            WireWriter.writeValue(g, Value.decimal(number));
            g.writeEndObject();
            g.writeEndObject();
        });

        assertThat(json.readCaseInfo(body).get("n")).isEqualTo(InputValue.number(number));
    }

    @Property
    void the_utf8_check_accepts_exactly_what_a_strict_decoder_accepts(@ForAll("bytes") byte[] bytes) {
        boolean decodes;
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            decodes = true;
        } catch (CharacterCodingException e) {
            decodes = false;
        }
        boolean hasNul = false;
        for (byte b : bytes) {
            hasNul |= b == 0;
        }

        assertThat(StrictUtf8.firstRefusedByte(bytes) < 0).isEqualTo(decodes && !hasNul);
    }

    @Property
    void well_formed_utf8_of_any_string_without_nul_or_lone_surrogate_is_accepted(@ForAll @Size(max = 50) String text) {
        String wellFormed = text.replace('\0', ' ').codePoints()
                .filter(c -> c < 0xD800 || c > 0xDFFF)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();

        assertThat(StrictUtf8.firstRefusedByte(wellFormed.getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
    }

    @Property
    void a_refused_byte_is_found_at_its_offset_after_any_ascii_run(@ForAll("bytes") byte[] tail,
                                                                  @ForAll @IntRange(max = 40) int asciiBefore,
                                                                  @ForAll @IntRange(max = 40) int asciiAfter) {
        byte[] bytes = new byte[asciiBefore + tail.length + asciiAfter];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (1 + i % 0x7F);
        }
        System.arraycopy(tail, 0, bytes, asciiBefore, tail.length);
        int inTail = StrictUtf8.firstRefusedByte(tail);

        // A truncated sequence at the end of the tail may be completed by nothing ASCII: still refused there.
        assertThat(StrictUtf8.firstRefusedByte(bytes)).isEqualTo(inTail < 0 ? -1 : asciiBefore + inTail);
    }

    /** Byte arrays rich in the interesting lead and continuation bytes, and valid sequences to break. */
    @Provide
    Arbitrary<byte[]> bytes() {
        Arbitrary<Byte> interesting = Arbitraries.of((byte) 0x00, (byte) 0x41, (byte) 0x7F, (byte) 0x80, (byte) 0x8F,
                (byte) 0x90, (byte) 0x9F, (byte) 0xA0, (byte) 0xBF, (byte) 0xC0, (byte) 0xC1, (byte) 0xC2, (byte) 0xDF,
                (byte) 0xE0, (byte) 0xED, (byte) 0xEE, (byte) 0xEF, (byte) 0xF0, (byte) 0xF4, (byte) 0xF5, (byte) 0xFF);
        Arbitrary<Byte> any = Arbitraries.bytes();
        Arbitrary<byte[]> mixed = Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(3, interesting), net.jqwik.api.Tuple.of(1, any))
                .list().ofMaxSize(24)
                .map(list -> {
                    byte[] out = new byte[list.size()];
                    for (int i = 0; i < out.length; i++) {
                        out[i] = list.get(i);
                    }
                    return out;
                });
        Arbitrary<byte[]> encoded = Arbitraries.strings().ofMaxLength(8).map(s -> s.getBytes(StandardCharsets.UTF_8));
        return Arbitraries.oneOf(mixed, encoded);
    }
}
