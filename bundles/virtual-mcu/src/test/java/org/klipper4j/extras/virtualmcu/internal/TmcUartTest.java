/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualmcu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The host side is encoded here the way Klipper's tmc_uart.py builds its datagrams. */
class TmcUartTest {
    private static final int BIT_TIME = 5000; // 10 kbaud at 50 MHz
    private TestHost host;

    @BeforeEach
    void configure() {
        host = new TestHost();
        host.send("allocate_oids count=1",
                "config_tmcuart oid=0 rx_pin=PE0 pull_up=1 tx_pin=PE0 bit_time=" + BIT_TIME,
                "finalize_config crc=0");
        host.take();
    }

    private static int crc8(int[] data) {
        int crc = 0;
        for (int d : data) {
            int b = d;
            for (int i = 0; i < 8; i++) {
                crc = ((crc >> 7) ^ (b & 1)) != 0 ? ((crc << 1) ^ 0x07) & 0xff : (crc << 1) & 0xff;
                b >>= 1;
            }
        }
        return crc;
    }

    /** Each byte as start bit, 8 data bits LSB first, stop bit; bits packed LSB first. */
    private static byte[] serialBits(int[] data) {
        BigInteger out = BigInteger.ZERO;
        int pos = 0;
        for (int d : data) {
            out = out.or(BigInteger.valueOf(((long) d << 1) | 0x200).shiftLeft(pos));
            pos += 10;
        }
        byte[] res = new byte[(pos + 7) / 8];
        for (int i = 0; i < res.length; i++) {
            res[i] = out.shiftRight(8 * i).byteValue();
        }
        return res;
    }

    private static int[] withCrc(int... data) {
        int[] out = java.util.Arrays.copyOf(data, data.length + 1);
        out[data.length] = crc8(data);
        return out;
    }

    private static byte[] encodeWrite(int sync, int addr, int reg, long val) {
        return serialBits(withCrc(sync, addr, reg, (int) (val >> 24) & 0xff, (int) (val >> 16) & 0xff,
                (int) (val >> 8) & 0xff, (int) val & 0xff));
    }

    private static byte[] encodeRead(int addr, int reg) {
        return serialBits(withCrc(0xf5, addr, reg));
    }

    /** Decodes a reply as tmc_uart.py does: the value from its bit positions, checked by re-encoding. */
    private static long decodeRead(int reg, byte[] data) {
        assertEquals(10, data.length);
        BigInteger mval = new BigInteger(1, reverse(data));
        long val = (mval.shiftRight(31).longValue() & 0xff) << 24 | (mval.shiftRight(41).longValue() & 0xff) << 16
                | (mval.shiftRight(51).longValue() & 0xff) << 8 | (mval.shiftRight(61).longValue() & 0xff);
        assertEquals(new BigInteger(1, reverse(encodeWrite(0x05, 0xff, reg, val))), mval, "reply framing and crc");
        return val;
    }

    private static byte[] reverse(byte[] b) {
        byte[] r = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            r[i] = b[b.length - 1 - i];
        }
        return r;
    }

    private byte[] transfer(byte[] write, int readLen) {
        host.sendMessage("tmcuart_send", 0L, write, (long) readLen);
        host.advanceSeconds(0.05);
        Map<String, Object> r = host.takeOne("tmcuart_response");
        assertEquals(0L, r.get("oid"));
        return (byte[]) r.get("read");
    }

    @Test
    void aWrittenRegisterReadsBack() {
        assertEquals(0, transfer(encodeWrite(0xf5, 0, 0x10 | 0x80, 0x00081f0aL), 0).length);
        assertEquals(0x00081f0aL, decodeRead(0x10, transfer(encodeRead(0, 0x10), 10)));
        assertEquals(1L, decodeRead(0x02, transfer(encodeRead(0, 0x02), 10)), "IFCNT counts the write");
    }

    @Test
    void driversAtOtherAddressesKeepTheirOwnRegisters() {
        transfer(encodeWrite(0xf5, 1, 0x6c | 0x80, 0x10000053L), 0);
        assertEquals(0L, decodeRead(0x6c, transfer(encodeRead(0, 0x6c), 10)));
        assertEquals(0x10000053L, decodeRead(0x6c, transfer(encodeRead(1, 0x6c), 10)));
    }

    @Test
    void reportsTheTmc2209VersionInIoin() {
        long ioin = decodeRead(0x06, transfer(encodeRead(0, 0x06), 10));
        assertEquals(0x21, ioin >>> 24);
    }

    @Test
    void aReadWithABadCrcTimesOutWithNoData() {
        byte[] bad = serialBits(new int[] {0xf5, 0, 0x10, 0x00});
        assertEquals(0, transfer(bad, 10).length);
    }

    @Test
    void answersAfterTheTransferTimeOnTheWire() {
        host.sendMessage("tmcuart_send", 0L, encodeRead(0, 0x00), 10L);
        host.advanceTo(host.fw.now() + 64 * BIT_TIME);
        assertTrue(host.take("tmcuart_response").isEmpty());
        host.advanceSeconds(0.05);
        assertEquals(1, host.take("tmcuart_response").size());
    }

    @Test
    void tooMuchDataShutsDown() {
        host.sendMessage("tmcuart_send", 0L, new byte[11], 0L);
        assertEquals("tmcuart data too large", host.shutdownReasonOf(host.takeOne("shutdown")));
    }
}
