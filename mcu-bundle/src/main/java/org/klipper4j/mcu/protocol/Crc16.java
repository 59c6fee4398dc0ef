/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.protocol;

/**
 * The CRC of a message block: CRC-16/CCITT in its reflected form (polynomial 0x8408),
 * start value 0xffff, no final xor. It is sent high byte first.
 */
public final class Crc16 {
    private static final int[] TABLE = buildTable();

    private Crc16() {
    }

    private static int[] buildTable() {
        int[] table = new int[256];
        for (int i = 0; i < 256; i++) {
            int crc = i;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x8408 : crc >>> 1;
            }
            table[i] = crc;
        }
        return table;
    }

    public static int compute(byte[] buf, int off, int len) {
        int crc = 0xffff;
        for (int i = off, end = off + len; i < end; i++) {
            crc = (crc >>> 8) ^ TABLE[(crc ^ buf[i]) & 0xff];
        }
        return crc;
    }
}
