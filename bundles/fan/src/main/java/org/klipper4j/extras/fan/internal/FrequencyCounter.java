/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.fan.internal;

/** Turns counter reports into a frequency in Hz (Klipper's FrequencyCounter). */
final class FrequencyCounter {
    private Double lastTime;
    private long lastCount;
    private double frequency;

    /** Feeds one report; the first only sets the starting point. */
    void onCount(double time, long count, double countTime) {
        if (lastTime == null) {
            lastTime = time;
        } else {
            double deltaTime = countTime - lastTime;
            if (deltaTime > 0) {
                lastTime = countTime;
                frequency = (count - lastCount) / deltaTime;
            } else {
                // no edges since the last report
                lastTime = time;
                frequency = 0.;
            }
        }
        lastCount = count;
    }

    double frequency() {
        return frequency;
    }
}
