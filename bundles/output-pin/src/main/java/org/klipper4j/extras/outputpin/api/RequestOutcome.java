/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.outputpin.api;

/**
 * What a {@link GCodeRequestQueue} callback did with a request, when it was not
 * simply applied (a callback returns {@code null} for that).
 *
 * @param discard true: nothing was sent (the value was already in effect)
 * @param minWait seconds before the next request may be applied (at least
 *                {@link McuTimes#MIN_SCHEDULE_TIME})
 */
public record RequestOutcome(boolean discard, double minWait) {

    /** Nothing was sent; the queue moves on to the next request at once. */
    public static RequestOutcome discarded() {
        return new RequestOutcome(true, 0.);
    }

    /**
     * Something was sent but the request is not done: call again with the same
     * value {@code wait} seconds later (a fan's kick start).
     */
    public static RequestOutcome again(double wait) {
        return new RequestOutcome(false, wait);
    }
}
