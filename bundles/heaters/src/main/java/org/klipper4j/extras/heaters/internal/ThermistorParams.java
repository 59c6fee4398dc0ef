/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.internal;

import java.util.Arrays;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigSection;

/**
 * A thermistor definition: three (temperature, resistance) points, or one point and a beta.
 * Creates the sensor for a heater section, which brings pullup_resistor and inline_resistor.
 */
record ThermistorParams(double t1, double r1, double t2, double r2, double t3, double r3, Double beta) {

    static ThermistorParams ofBeta(double t1, double r1, double beta) {
        return new ThermistorParams(t1, r1, 0, 0, 0, 0, beta);
    }

    /** Three points, sorted by temperature as Klipper does. */
    static ThermistorParams ofPoints(double t1, double r1, double t2, double r2, double t3, double r3) {
        double[][] p = {{t1, r1}, {t2, r2}, {t3, r3}};
        Arrays.sort(p, (a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
        return new ThermistorParams(p[0][0], p[0][1], p[1][0], p[1][1], p[2][0], p[2][1], null);
    }

    /** Reads a {@code [thermistor NAME]} section. */
    static ThermistorParams fromConfig(ConfigSection config) {
        double t1 = RequiredOptions.getFloat(config, "temperature1", Bounds.min(Thermistor.KELVIN_TO_CELSIUS));
        double r1 = RequiredOptions.getFloat(config, "resistance1", Bounds.min(0.));
        Double beta = config.getFloat("beta", null, Bounds.above(0.));
        if (beta != null) {
            return ofBeta(t1, r1, beta);
        }
        double t2 = RequiredOptions.getFloat(config, "temperature2", Bounds.min(Thermistor.KELVIN_TO_CELSIUS));
        double r2 = RequiredOptions.getFloat(config, "resistance2", Bounds.min(0.));
        double t3 = RequiredOptions.getFloat(config, "temperature3", Bounds.min(Thermistor.KELVIN_TO_CELSIUS));
        double r3 = RequiredOptions.getFloat(config, "resistance3", Bounds.min(0.));
        return ofPoints(t1, r1, t2, r2, t3, r3);
    }

    /** The converter with the section's pullup and inline resistors. */
    Thermistor converter(ConfigSection config) {
        double pullup = config.getFloat("pullup_resistor", 4700., Bounds.above(0.));
        double inline = config.getFloat("inline_resistor", 0., Bounds.min(0.));
        Thermistor t = new Thermistor(pullup, inline);
        if (beta != null) {
            t.setupCoefficientsBeta(t1, r1, beta);
        } else {
            t.setupCoefficients(t1, r1, t2, r2, t3, r3, config.getName());
        }
        return t;
    }
}
