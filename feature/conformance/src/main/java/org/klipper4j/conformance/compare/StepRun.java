/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.conformance.compare;

/**
 * The steps of one queue_step: step j (0-based) is at
 * {@code base + (j+1)*interval + add*j*(j+1)/2}, all in direction {@code dir}.
 *
 * @param firstStep index of its first step in the stepper's whole schedule
 * @param cmdIndex  the queue_step command in its stream
 */
record StepRun(long firstStep, int count, long base, long interval, long add, int dir, int cmdIndex) {

    long time(long j) {
        return base + (j + 1) * interval + add * j * (j + 1) / 2;
    }

    long endTime() {
        return time(count - 1);
    }
}
