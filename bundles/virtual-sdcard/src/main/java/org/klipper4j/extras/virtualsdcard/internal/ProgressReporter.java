/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualsdcard.internal;

/**
 * Decides when a running file print tells the console how far it got: when the
 * file position crosses a new tenth of the file, provided a minute has passed
 * since the last line (or the start), so long prints say something every 10%
 * and short ones do not flood the console.
 */
final class ProgressReporter {
    /** The least time between two progress lines, in seconds. */
    static final double MIN_INTERVAL = 60.0;

    private int lastTenth;
    private double lastLineTime;

    /** The print starts or resumes at {@code position}: nothing is said until the next tenth. */
    void start(double now, long position, long size) {
        lastTenth = tenth(position, size);
        lastLineTime = now;
    }

    /** True when a progress line is due at {@code position}; it then counts as said. */
    boolean due(double now, long position, long size) {
        int tenth = tenth(position, size);
        if (tenth <= lastTenth) {
            return false;
        }
        lastTenth = tenth;
        // the end of the file is announced by the finish line, not a progress line
        if (tenth >= 10 || now - lastLineTime < MIN_INTERVAL) {
            return false;
        }
        lastLineTime = now;
        return true;
    }

    private static int tenth(long position, long size) {
        return size > 0 ? (int) (10 * Math.min(position, size) / size) : 0;
    }
}
