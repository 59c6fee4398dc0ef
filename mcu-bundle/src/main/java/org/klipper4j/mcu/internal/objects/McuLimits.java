/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.objects;

/** Scheduling limits of Klipper's firmware shared by the pin objects. */
final class McuLimits {
    /** The furthest a command may be scheduled into the future, in ticks (a signed 32-bit clock). */
    static final long MAX_SCHEDULE_TICKS = (1L << 31) - 1;

    private McuLimits() {
    }

    /** Python's {@code %d} of a boolean. */
    static int bit(boolean value) {
        return value ? 1 : 0;
    }

    /** Bytes as lower-case hex, the form config commands carry buffers in. */
    static String hex(byte[] data) {
        StringBuilder text = new StringBuilder(data.length * 2);
        for (byte b : data) {
            text.append(String.format("%02x", b & 0xff));
        }
        return text.toString();
    }
}
