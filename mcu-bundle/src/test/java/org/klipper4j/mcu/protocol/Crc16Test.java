/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class Crc16Test {
    @Test
    void standardCheckValueOfCrc16Mcrf4xx() {
        byte[] data = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0x6F91, Crc16.compute(data, 0, data.length));
    }

    @Test
    void emptyInputGivesTheStartValue() {
        assertEquals(0xffff, Crc16.compute(new byte[0], 0, 0));
    }

    @Test
    void matchesTheCrcKlipperWroteInAReferenceBlock() {
        byte[] stream = TestData.bytes("cases/commands-example-cartesian/expected.serial");
        int len = stream[0];
        assertEquals(61, len);
        int sent = ((stream[len - 3] & 0xff) << 8) | (stream[len - 2] & 0xff);
        assertEquals(0x16cd, sent);
        assertEquals(sent, Crc16.compute(stream, 0, len - 3));
    }

    @Test
    void honoursOffset() {
        byte[] data = "xx123456789".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0x6F91, Crc16.compute(data, 2, 9));
    }
}
