/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualmcu.internal;

import org.klipper4j.extras.virtualmcu.BoardWiring;

/**
 * A heated body with first-order dynamics, advanced exactly between duty changes:
 * T approaches ambient + heatRate * duty / coolRate exponentially with rate coolRate.
 */
final class ThermalBody {
    private final BoardWiring.Heater wiring;
    private final double ambient;
    private final ThermistorCurve curve;
    private double temperature;
    private double duty;
    private double time;

    ThermalBody(BoardWiring.Heater wiring, double ambient) {
        this.wiring = wiring;
        this.ambient = ambient;
        this.curve = new ThermistorCurve(wiring.thermistor());
        this.temperature = ambient;
    }

    /** Advances to {@code t} seconds (never backwards). */
    void advance(double t) {
        double dt = t - time;
        if (dt <= 0) {
            return;
        }
        double target = ambient + wiring.heatRate() * duty / wiring.coolRate();
        temperature = target + (temperature - target) * Math.exp(-wiring.coolRate() * dt);
        time = t;
    }

    void setDuty(double newDuty, double t) {
        advance(t);
        duty = newDuty;
    }

    double temperature(double t) {
        advance(t);
        return temperature;
    }

    double duty() {
        return duty;
    }

    double adcFraction(double t) {
        return curve.adcFraction(temperature(t));
    }
}
