/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualmcu.internal;

import java.io.ByteArrayOutputStream;

/**
 * The bit-banged single-wire UART of TMC drivers as Klipper's tmcuart sends it: each byte
 * is a 10-bit frame (start bit 0, eight data bits LSB first, stop bit 1), the frames packed
 * back to back into bytes LSB first. Datagrams end with the TMC CRC-8 (polynomial 0x07,
 * bits taken LSB first).
 */
final class TmcUartCodec {
    private TmcUartCodec() {
    }

    /** Packs bytes into UART frames. */
    static byte[] encodeFrames(byte[] data) {
        int bits = data.length * 10;
        byte[] out = new byte[(bits + 7) / 8];
        int pos = 0;
        for (byte d : data) {
            int frame = ((d & 0xff) << 1) | 0x200;
            for (int i = 0; i < 10; i++, pos++) {
                if (((frame >> i) & 1) != 0) {
                    out[pos >> 3] |= (byte) (1 << (pos & 7));
                }
            }
        }
        return out;
    }

    /** Unpacks complete frames; null if a start or stop bit is wrong. */
    static byte[] decodeFrames(byte[] bits) {
        int frames = bits.length * 8 / 10;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int f = 0; f < frames; f++) {
            int base = f * 10;
            if (bit(bits, base) != 0 || bit(bits, base + 9) != 1) {
                return null;
            }
            int v = 0;
            for (int i = 0; i < 8; i++) {
                v |= bit(bits, base + 1 + i) << i;
            }
            out.write(v);
        }
        return out.toByteArray();
    }

    private static int bit(byte[] b, int pos) {
        return (b[pos >> 3] >> (pos & 7)) & 1;
    }

    static int crc8(byte[] data, int len) {
        int crc = 0;
        for (int i = 0; i < len; i++) {
            int b = data[i] & 0xff;
            for (int j = 0; j < 8; j++) {
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

    /** A complete datagram: the bytes and their CRC. */
    static byte[] withCrc(int... bytes) {
        byte[] out = new byte[bytes.length + 1];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = (byte) bytes[i];
        }
        out[bytes.length] = (byte) crc8(out, bytes.length);
        return out;
    }
}
