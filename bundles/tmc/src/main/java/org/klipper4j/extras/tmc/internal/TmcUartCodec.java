/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.tmc.internal;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * TMC UART datagrams as the MCU's tmcuart bit-bangs them: bytes with CRC8 (ATM
 * polynomial, LSB first), each framed with a start and a stop bit, packed LSB first.
 */
final class TmcUartCodec {
    private TmcUartCodec() {
    }

    static int crc8(byte[] data, int len) {
        int crc = 0;
        for (int i = 0; i < len; i++) {
            int b = data[i] & 0xff;
            for (int bit = 0; bit < 8; bit++) {
                if (((crc >> 7) ^ (b & 1)) != 0) {
                    crc = ((crc << 1) ^ 0x07) & 0xff;
                } else {
                    crc = (crc << 1) & 0xff;
                }
                b >>= 1;
            }
        }
        return crc;
    }

    static byte[] addSerialBits(byte[] data) {
        BigInteger out = BigInteger.ZERO;
        int pos = 0;
        for (byte d : data) {
            long framed = ((d & 0xffL) << 1) | 0x200;
            out = out.or(BigInteger.valueOf(framed).shiftLeft(pos));
            pos += 10;
        }
        byte[] res = new byte[(pos + 7) / 8];
        for (int i = 0; i < res.length; i++) {
            res[i] = out.shiftRight(i * 8).and(BigInteger.valueOf(0xff)).byteValue();
        }
        return res;
    }

    private static byte[] withCrc(int... bytes) {
        byte[] msg = new byte[bytes.length + 1];
        for (int i = 0; i < bytes.length; i++) {
            msg[i] = (byte) bytes[i];
        }
        msg[bytes.length] = (byte) crc8(msg, bytes.length);
        return msg;
    }

    static byte[] encodeRead(int sync, int addr, int reg) {
        return addSerialBits(withCrc(sync, addr, reg));
    }

    static byte[] encodeWrite(int sync, int addr, int reg, long val) {
        return addSerialBits(withCrc(sync, addr, reg, (int) (val >>> 24) & 0xff, (int) (val >>> 16) & 0xff,
                (int) (val >>> 8) & 0xff, (int) val & 0xff));
    }

    /** The register value of a reply, or null if its framing or CRC is wrong. */
    static Long decodeRead(int reg, byte[] data) {
        if (data == null || data.length != 10) {
            return null;
        }
        BigInteger m = BigInteger.ZERO;
        for (int i = data.length - 1; i >= 0; i--) {
            m = m.shiftLeft(8).or(BigInteger.valueOf(data[i] & 0xff));
        }
        long val = (byteAt(m, 31) << 24) | (byteAt(m, 41) << 16) | (byteAt(m, 51) << 8) | byteAt(m, 61);
        if (!Arrays.equals(data, encodeWrite(0x05, 0xff, reg, val))) {
            return null;
        }
        return val;
    }

    private static long byteAt(BigInteger m, int shift) {
        return m.shiftRight(shift).and(BigInteger.valueOf(0xff)).longValue();
    }
}
