/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class VlqTest {
    private static byte[] encode(long v) {
        byte[] buf = new byte[8];
        int n = Vlq.encode(v, buf, 0);
        return Arrays.copyOf(buf, n);
    }

    @ParameterizedTest
    @CsvSource({
        "0, 00", "1, 01", "95, 5f", "96, 8060", "-1, 7f", "-32, 60", "-33, ff5f",
        "12287, df7f", "12288, 80e000",
        "48000000, 96f1d800", // max_duration in a Klipper reference stream
        "3915627893, 8ecb8efa75", // finalize_config crc in a Klipper reference stream
        "4294967295, 8fffffff7f", "-2147483648, f880808000"
    })
    void encodesAsKlipper(String value, String hex) {
        long v = Long.parseLong(value);
        byte[] expected = TestData.hex(hex);
        assertArrayEquals(expected, encode(v));
        assertEquals(expected.length, Vlq.size(v));
    }

    @Test
    void sizeBoundariesFollowTheProtocolTable() {
        assertEquals(1, Vlq.size(0x5f));
        assertEquals(2, Vlq.size(0x60));
        assertEquals(2, Vlq.size(0x2fff));
        assertEquals(3, Vlq.size(0x3000));
        assertEquals(3, Vlq.size(-0x1000 - 1));
        assertEquals(4, Vlq.size(0x180000));
        assertEquals(4, Vlq.size(0xbffffff));
        assertEquals(5, Vlq.size(0xc000000));
        assertEquals(5, Vlq.size(-0x4000001));
    }

    @ParameterizedTest
    @CsvSource({"0", "1", "-1", "95", "96", "-32", "-33", "12287", "12288", "-4096", "-4097", "1572863",
        "1572864", "201326591", "201326592", "-67108864", "-67108865", "2147483647", "-2147483648"})
    void signedValuesRoundTrip(long v) {
        byte[] b = encode(v);
        ByteCursor c = new ByteCursor(b, 0, b.length);
        assertEquals(v, c.readVlq());
        assertFalse(c.hasRemaining());
    }

    @Test
    void largeUnsignedValuesDecodeToTheirLow32Bits() {
        for (long v : new long[] {0x80000000L, 0xdeadbeefL, 0xffffffffL}) {
            byte[] b = encode(v);
            assertEquals(v, ParamType.UINT32.normalize(new ByteCursor(b, 0, b.length).readVlq()));
        }
    }

    @Test
    void truncatedIntegerIsAnError() {
        byte[] b = TestData.hex("8e cb");
        ProtocolException e = assertThrows(ProtocolException.class, () -> new ByteCursor(b, 0, 2).readVlq());
        assertTrue(e.getMessage().contains("past the end"));
    }

    /** The firmware's parse of a VLQ into a 32-bit register (Klipper's src/command.c, worked by hand). */
    private static long firmwareParse(byte[] buf, int len) {
        int i = 0;
        int c = buf[i++] & 0xff;
        long v = c & 0x7f;
        if ((c & 0x60) == 0x60) {
            v |= -0x20L;
        }
        while ((c & 0x80) != 0) {
            c = buf[i++] & 0xff;
            v = (v << 7) | (c & 0x7f);
        }
        org.junit.jupiter.api.Assertions.assertEquals(len, i);
        return v & 0xffffffffL;
    }

    @Test
    void aClockWiderThan32BitsReachesTheFirmwareAsItsLow32Bits() {
        byte[] buf = new byte[Vlq.MAX_BYTES];
        for (long clock : new long[] {177626759440L, (1L << 32) + 5, (1L << 34) + 123456789L}) {
            int len = Vlq.encode(clock, buf, 0);
            org.junit.jupiter.api.Assertions.assertEquals(5, len);
            org.junit.jupiter.api.Assertions.assertEquals(clock & 0xffffffffL, firmwareParse(buf, len));
        }
    }
}
