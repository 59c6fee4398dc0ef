/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A thermistor on a voltage divider with a pullup (and an optional inline
 * resistor), converted with the Steinhart-Hart equation 1/T = c1 + c2 ln R + c3 (ln R)^3.
 */
final class Thermistor implements AdcConverter {
    static final double KELVIN_TO_CELSIUS = -273.15;
    private static final Logger LOG = LoggerFactory.getLogger(Thermistor.class);

    private final double pullup;
    private final double inlineResistor;
    private double c1;
    private double c2;
    private double c3;

    Thermistor(double pullup, double inlineResistor) {
        this.pullup = pullup;
        this.inlineResistor = inlineResistor;
    }

    /** Solves the three Steinhart-Hart coefficients from three (temperature, resistance) points. */
    void setupCoefficients(double t1, double r1, double t2, double r2, double t3, double r3, String name) {
        double invT1 = 1. / (t1 - KELVIN_TO_CELSIUS);
        double invT2 = 1. / (t2 - KELVIN_TO_CELSIUS);
        double invT3 = 1. / (t3 - KELVIN_TO_CELSIUS);
        double lnR1 = Math.log(r1);
        double lnR2 = Math.log(r2);
        double lnR3 = Math.log(r3);
        double invT12 = invT1 - invT2;
        double invT13 = invT1 - invT3;
        double lnR12 = lnR1 - lnR2;
        double lnR13 = lnR1 - lnR3;
        double ln3R12 = cube(lnR1) - cube(lnR2);
        double ln3R13 = cube(lnR1) - cube(lnR3);
        double solvedC3 = (invT12 - invT13 * lnR12 / lnR13) / (ln3R12 - ln3R13 * lnR12 / lnR13);
        if (solvedC3 <= 0.) {
            // The points do not fit a Steinhart-Hart curve; fall back to the beta model of the outer points.
            double beta = lnR13 / invT13;
            LOG.warn("Using thermistor beta {} in heater {}", String.format("%.3f", beta), name);
            setupCoefficientsBeta(t1, r1, beta);
            return;
        }
        c3 = solvedC3;
        c2 = (invT12 - c3 * ln3R12) / lnR12;
        c1 = invT1 - c2 * lnR1 - c3 * cube(lnR1);
    }

    /** The beta model expressed as Steinhart-Hart coefficients (c3 = 0). */
    void setupCoefficientsBeta(double t1, double r1, double beta) {
        double invT1 = 1. / (t1 - KELVIN_TO_CELSIUS);
        c3 = 0.;
        c2 = 1. / beta;
        c1 = invT1 - c2 * Math.log(r1);
    }

    @Override
    public double calcTemp(double adc) {
        double clamped = Math.max(.00001, Math.min(.99999, adc));
        double r = pullup * clamped / (1.0 - clamped);
        double lnR = Math.log(r - inlineResistor);
        double invT = c1 + c2 * lnR + c3 * cube(lnR);
        return 1.0 / invT + KELVIN_TO_CELSIUS;
    }

    @Override
    public double calcAdc(double temp) {
        if (temp <= KELVIN_TO_CELSIUS) {
            return 1.;
        }
        double invT = 1. / (temp - KELVIN_TO_CELSIUS);
        double lnR;
        if (c3 != 0.) {
            // Cardano's formula for the cubic in ln R
            double y = (c1 - invT) / (2. * c3);
            double x = Math.sqrt(cube(c2 / (3. * c3)) + y * y);
            lnR = Math.cbrt(x - y) - Math.cbrt(x + y);
        } else {
            lnR = (invT - c1) / c2;
        }
        double r = Math.exp(lnR) + inlineResistor;
        return r / (pullup + r);
    }

    private static double cube(double v) {
        return v * v * v;
    }
}
