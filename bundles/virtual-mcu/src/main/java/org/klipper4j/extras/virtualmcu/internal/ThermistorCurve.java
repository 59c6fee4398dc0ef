/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualmcu.internal;

import org.klipper4j.extras.virtualmcu.BoardWiring;

/**
 * Temperature to ADC fraction for a thermistor behind a pull-up: the Steinhart-Hart
 * curve through the thermistor's three points (as Klipper's host computes it), inverted
 * by bisection on ln(R).
 */
final class ThermistorCurve {
    private static final double KELVIN = 273.15;

    private final double a;
    private final double b;
    private final double c;
    private final double pullup;

    ThermistorCurve(BoardWiring.Thermistor t) {
        double l1 = Math.log(t.r1());
        double l2 = Math.log(t.r2());
        double l3 = Math.log(t.r3());
        double y1 = 1 / (t.t1() + KELVIN);
        double y2 = 1 / (t.t2() + KELVIN);
        double y3 = 1 / (t.t3() + KELVIN);
        double g2 = (y2 - y1) / (l2 - l1);
        double g3 = (y3 - y1) / (l3 - l1);
        this.c = (g3 - g2) / (l3 - l2) / (l1 + l2 + l3);
        this.b = g2 - c * (l1 * l1 + l1 * l2 + l2 * l2);
        this.a = y1 - (b + l1 * l1 * c) * l1;
        this.pullup = t.pullup();
    }

    /** Temperature (C) at a resistance. */
    double temperature(double ohms) {
        double l = Math.log(ohms);
        return 1 / (a + b * l + c * l * l * l) - KELVIN;
    }

    /** Resistance at a temperature; the curve falls with temperature. */
    double resistance(double celsius) {
        double lo = Math.log(1e-3);
        double hi = Math.log(1e9);
        for (int i = 0; i < 100; i++) {
            double mid = (lo + hi) / 2;
            if (temperature(Math.exp(mid)) > celsius) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.exp((lo + hi) / 2);
    }

    /** The ADC reading as a fraction of full scale. */
    double adcFraction(double celsius) {
        double r = resistance(celsius);
        return r / (r + pullup);
    }
}
