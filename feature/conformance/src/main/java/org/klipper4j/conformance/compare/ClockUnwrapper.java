/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.conformance.compare;

/**
 * Places 32-bit MCU clocks on a 64-bit timeline. Verdicts compare clocks modulo 2^32
 * anyway; the 64-bit times keep step schedules monotonic across wraps. A reference
 * "now" follows the first step of each queue_step and absolute clocks within 2^30 ticks
 * ahead of it (batch mode can send clocks far in the past, which must not move it back).
 * A clock of 0 is a sentinel and stays 0.
 */
final class ClockUnwrapper {
    static final long WRAP = 1L << 32;
    static final long HALF_WRAP = 1L << 31;
    static final long U32 = 0xffffffffL;

    private boolean started;
    private long ref;

    /** The 64-bit time of an absolute 32-bit clock. */
    long unwrap(long v32) {
        if (v32 == 0) {
            return 0;
        }
        if (!started) {
            started = true;
            ref = v32;
            return v32;
        }
        long t = ref + ((v32 - ref + HALF_WRAP) & U32) - HALF_WRAP;
        if (t - ref > 0 && t - ref < (1L << 30)) {
            ref = t;
        }
        return t;
    }

    /** A step time computed from a 32-bit interval: moved forward by whole wraps if "now" is far ahead. */
    long forward(long t) {
        if (started && ref - t > HALF_WRAP) {
            t += ((ref - t + HALF_WRAP) >> 32) << 32;
        }
        return t;
    }

    /** Moves "now" forward to a step time. */
    void note(long t) {
        if (!started || t > ref) {
            started = true;
            ref = t;
        }
    }
}
