/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualmcu.internal;

/** The board's clock in ticks of {@link FirmwareDictionary#CLOCK_FREQ}, from the JVM's monotonic nanoTime. */
final class BoardClock {
    private static final double TICKS_PER_NANO = FirmwareDictionary.CLOCK_FREQ / 1e9;

    private final long startNanos = System.nanoTime();

    long now() {
        return (long) ((System.nanoTime() - startNanos) * TICKS_PER_NANO);
    }

    static long ticksToNanos(long ticks) {
        return (long) (ticks / TICKS_PER_NANO);
    }
}
