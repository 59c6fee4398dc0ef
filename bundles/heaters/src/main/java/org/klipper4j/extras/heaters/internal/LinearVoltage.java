/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.internal;

import java.util.ArrayList;
import java.util.List;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigSection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An amplifier whose output voltage maps linearly (by table) to temperature (AD595, PT100 INA826, ...). */
final class LinearVoltage implements AdcConverter {
    private static final Logger LOG = LoggerFactory.getLogger(LinearVoltage.class);
    private final LinearInterpolation table;

    /** {@code params} are (temperature, volts) pairs; reads adc_voltage and voltage_offset. */
    LinearVoltage(ConfigSection config, double[][] params) {
        double adcVoltage = config.getFloat("adc_voltage", 5., Bounds.above(0.));
        double voltageOffset = config.getFloat("voltage_offset", 0.0);
        List<double[]> samples = new ArrayList<>();
        for (double[] p : params) {
            double adc = (p[1] - voltageOffset) / adcVoltage;
            if (adc < 0. || adc > 1.) {
                LOG.warn("Ignoring adc sample {}/{} in heater {}", p[0], p[1], config.getName());
                continue;
            }
            samples.add(new double[] {adc, p[0]});
        }
        table = TableErrors.build(config, samples);
    }

    @Override
    public double calcTemp(double adc) {
        return table.interpolate(adc);
    }

    @Override
    public double calcAdc(double temp) {
        return table.reverseInterpolate(temp);
    }
}
