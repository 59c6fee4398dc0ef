/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.outputpin.api;

/** Klipper's MCU scheduling limits, in seconds. */
public final class McuTimes {
    /** The least time the host needs to get a scheduled event queued into an MCU. */
    public static final double MIN_SCHEDULE_TIME = 0.100;
    /** The longest time every MCU can schedule into the future (2^31 ticks at the fastest clocks). */
    public static final double MAX_NOMINAL_DURATION = 3.0;

    private McuTimes() {
    }
}
