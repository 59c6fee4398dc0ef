/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.protocol;

/**
 * Klipper's variable length integers: 7 bits per byte, most significant group first,
 * bit 7 set on every byte but the last. A first byte with bits 6 and 5 set starts a
 * negative number. Values are 32-bit, given as signed or unsigned.
 */
public final class Vlq {
    /** The most bytes a 32-bit value takes. */
    public static final int MAX_BYTES = 5;

    private Vlq() {
    }

    /** Number of bytes {@link #encode} writes for {@code v}. */
    public static int size(long v) {
        if (v >= 0xc000000L || v < -0x4000000L) {
            return 5;
        }
        if (v >= 0x180000L || v < -0x80000L) {
            return 4;
        }
        if (v >= 0x3000L || v < -0x1000L) {
            return 3;
        }
        if (v >= 0x60L || v < -0x20L) {
            return 2;
        }
        return 1;
    }

    /**
     * Writes {@code v} at {@code pos} and returns the position after it. Values from 2^31 up
     * keep their unsigned form (5 bytes), as Klipper's host encodes them. Wider values (a
     * 64-bit clock after about 4.5 minutes at 16 MHz) are written the same way, the bits
     * above the fifth byte dropped, as Klipper's host does: the firmware keeps the low 32
     * bits, which is what a clock means to it.
     */
    public static int encode(long v, byte[] out, int pos) {
        int n = size(v);
        for (int shift = 7 * (n - 1); shift > 0; shift -= 7) {
            out[pos++] = (byte) (((v >> shift) & 0x7f) | 0x80);
        }
        out[pos++] = (byte) (v & 0x7f);
        return pos;
    }
}
