/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.internal;

import java.util.List;

import org.klipper4j.core.api.ConfigSection;

/** Builds a conversion table and turns a bad one into Klipper's config error. */
final class TableErrors {
    private TableErrors() {
    }

    static LinearInterpolation build(ConfigSection config, List<double[]> samples) {
        try {
            return new LinearInterpolation(samples);
        } catch (IllegalArgumentException e) {
            throw config.error("adc_temperature " + e.getMessage() + " in heater " + config.getName());
        }
    }
}
