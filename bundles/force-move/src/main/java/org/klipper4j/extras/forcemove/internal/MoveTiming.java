/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.forcemove.internal;

/**
 * A symmetric trapezoid for a one-axis move of {@code distance}: direction
 * (+1/-1), acceleration time (= deceleration time), cruise time and cruise speed.
 */
record MoveTiming(double axisR, double accelT, double cruiseT, double cruiseV) {

    /** The timing of a move; without acceleration the move runs at {@code speed} throughout. */
    static MoveTiming of(double distance, double speed, double accel) {
        double axisR = distance < 0. ? -1. : 1.;
        double dist = Math.abs(distance);
        if (accel == 0. || dist == 0.) {
            return new MoveTiming(axisR, 0., dist / speed, speed);
        }
        // too short to reach speed: a triangle peaking at sqrt(dist * accel)
        double maxCruiseV2 = dist * accel;
        double v = maxCruiseV2 < speed * speed ? Math.sqrt(maxCruiseV2) : speed;
        double accelT = v / accel;
        double cruiseT = (dist - accelT * v) / v;
        return new MoveTiming(axisR, accelT, cruiseT, v);
    }

    double totalTime() {
        return accelT + cruiseT + accelT;
    }
}
