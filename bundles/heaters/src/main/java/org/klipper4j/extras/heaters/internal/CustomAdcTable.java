/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.internal;

import java.util.ArrayList;
import java.util.List;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.extras.heaters.api.SensorFactory;

/** Reads an {@code [adc_temperature NAME]} table: temperatureN with voltageN, or with resistanceN. */
final class CustomAdcTable {
    private CustomAdcTable() {
    }

    static SensorFactory fromConfig(ConfigSection config) {
        boolean resistance = config.get("resistance1", null) != null;
        String valueOption = resistance ? "resistance" : "voltage";
        List<double[]> rows = new ArrayList<>();
        for (int i = 1; i < 1000; i++) {
            Double t = config.getFloat("temperature" + i, null);
            if (t == null) {
                break;
            }
            rows.add(new double[] {t, config.getFloat(valueOption + i)});
        }
        double[][] table = rows.toArray(new double[0][]);
        if (resistance) {
            return sensor -> new AdcTemperatureSensor(sensor, new LinearResistance(sensor, table));
        }
        return sensor -> new AdcTemperatureSensor(sensor, new LinearVoltage(sensor, table));
    }
}
