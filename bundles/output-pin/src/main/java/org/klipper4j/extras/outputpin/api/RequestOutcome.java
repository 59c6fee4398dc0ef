/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.outputpin.api;

/**
 * What a {@link GCodeRequestQueue} callback did with a request, when it was not
 * simply applied (a callback returns {@code null} for that).
 *
 * @param discard true: nothing was sent (the value was already in effect)
 * @param minWait seconds before the next request may be applied (at least
 *                {@link McuTimes#MIN_SCHEDULE_TIME})
 * @param rescheduleTime when not NaN: nothing was sent, apply the request again
 *                at this print time (a servo waiting for its next PWM cycle)
 */
public record RequestOutcome(boolean discard, double minWait, double rescheduleTime) {

    public RequestOutcome(boolean discard, double minWait) {
        this(discard, minWait, Double.NaN);
    }

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

    /** Nothing was sent yet: call again with the same value at {@code printTime}. */
    public static RequestOutcome rescheduled(double printTime) {
        return new RequestOutcome(false, 0., printTime);
    }

    public boolean isRescheduled() {
        return !Double.isNaN(rescheduleTime);
    }
}
