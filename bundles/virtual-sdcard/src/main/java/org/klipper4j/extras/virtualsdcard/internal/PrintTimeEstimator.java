/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualsdcard.internal;

/**
 * Estimates the time a file print still needs from the bytes printed so far and
 * the time spent printing them (pauses excluded): remaining bytes at the
 * average rate. Crude but honest; slicer comments would do better.
 */
final class PrintTimeEstimator {
    private double activeSeconds;
    private double activeSince = -1;
    private long bytesPrinted;

    void reset() {
        activeSeconds = 0;
        activeSince = -1;
        bytesPrinted = 0;
    }

    void start(double now) {
        if (activeSince < 0) {
            activeSince = now;
        }
    }

    void stop(double now) {
        if (activeSince >= 0) {
            activeSeconds += now - activeSince;
            activeSince = -1;
        }
    }

    void addBytes(long bytes) {
        bytesPrinted += bytes;
    }

    /** Seconds spent printing so far. */
    double elapsed(double now) {
        return activeSeconds + (activeSince >= 0 ? now - activeSince : 0);
    }

    /** Seconds still needed for {@code remainingBytes}, or null while nothing has been timed. */
    Double remaining(double now, long remainingBytes) {
        double elapsed = elapsed(now);
        if (bytesPrinted <= 0 || elapsed <= 0) {
            return null;
        }
        return Math.max(0, remainingBytes) * elapsed / bytesPrinted;
    }
}
