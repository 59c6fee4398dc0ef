/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.internal;

import java.util.ArrayList;
import java.util.List;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigSection;

/** A resistive sensor (PT1000 ...) on a pullup divider, resistance mapped to temperature by table. */
final class LinearResistance implements AdcConverter {
    private final double pullup;
    private final LinearInterpolation table;

    /** {@code params} are (temperature, ohms) pairs; reads pullup_resistor. */
    LinearResistance(ConfigSection config, double[][] params) {
        pullup = config.getFloat("pullup_resistor", 4700., Bounds.above(0.));
        List<double[]> samples = new ArrayList<>();
        for (double[] p : params) {
            samples.add(new double[] {p[1], p[0]});
        }
        table = TableErrors.build(config, samples);
    }

    @Override
    public double calcTemp(double adc) {
        double clamped = Math.max(.00001, Math.min(.99999, adc));
        double r = pullup * clamped / (1.0 - clamped);
        return table.interpolate(r);
    }

    @Override
    public double calcAdc(double temp) {
        double r = table.reverseInterpolate(temp);
        return r / (pullup + r);
    }
}
