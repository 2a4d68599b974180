package io.casekit.json.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Checks that bytes are well-formed UTF-8 as RFC 3629 defines it: no overlong forms, no encoded
 * surrogates, nothing above U+10FFFF, no truncated sequence. The check is done before the parser
 * sees the bytes, so that no parser leniency (or its guess of another encoding) can let a
 * malformed body through. It allocates nothing.
 */
public final class StrictUtf8 {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private StrictUtf8() {}

    /**
     * The offset of the first byte that is not part of well-formed UTF-8 or is NUL, or -1 when there
     * is none. Raw NUL is never JSON text, and refusing it refuses UTF-16 and UTF-32 bodies, which a
     * parser would otherwise detect and decode.
     */
    public static int firstRefusedByte(byte[] bytes) {
        int i = 0;
        int n = bytes.length;
        while (i < n) {
            // Eight bytes at a time while all are ASCII and none is NUL: with every byte in 1..0x7F,
            // subtracting one from each borrows nowhere and no high bit is set; a NUL borrows and
            // sets its high bit, a byte of 0x80 or more has its own.
            if (i + 8 <= n) {
                long word = (long) LONGS.get(bytes, i);
                if (((word | (word - ONES)) & HIGH_BITS) == 0) {
                    i += 8;
                    continue;
                }
            }
            int b = bytes[i];
            if (b > 0) {
                i++;
                continue;
            }
            if (b == 0) {
                return i;
            }
            b &= 0xFF;
            int length;
            int min2 = 0x80;
            int max2 = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) {
                length = 2;
            } else if (b >= 0xE0 && b <= 0xEF) {
                length = 3;
                if (b == 0xE0) {
                    min2 = 0xA0; // overlong below U+0800
                } else if (b == 0xED) {
                    max2 = 0x9F; // U+D800..U+DFFF, surrogates
                }
            } else if (b >= 0xF0 && b <= 0xF4) {
                length = 4;
                if (b == 0xF0) {
                    min2 = 0x90; // overlong below U+10000
                } else if (b == 0xF4) {
                    max2 = 0x8F; // above U+10FFFF
                }
            } else {
                return i;
            }
            if (i + 1 >= n) {
                return i;
            }
            int second = bytes[i + 1] & 0xFF;
            if (second < min2 || second > max2) {
                return i;
            }
            for (int k = 2; k < length; k++) {
                if (i + k >= n || (bytes[i + k] & 0xC0) != 0x80) {
                    return i;
                }
            }
            i += length;
        }
        return -1;
    }

    /** Whether the bytes start with the UTF-8 byte-order mark EF BB BF. */
    public static boolean startsWithByteOrderMark(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF;
    }
}
