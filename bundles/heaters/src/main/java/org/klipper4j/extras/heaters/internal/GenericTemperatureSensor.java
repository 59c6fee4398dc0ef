/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.extras.heaters.api.Heaters;
import org.klipper4j.extras.heaters.api.TemperatureSensor;
import org.klipper4j.extras.heaters.api.TemperatureSource;

/** A {@code [temperature_sensor NAME]}: a sensor that is only watched, with its measured extremes. */
final class GenericTemperatureSensor implements TemperatureSource, StatusProvider {
    private double lastTemp;
    private double measuredMin = 99999999.;
    private double measuredMax;

    GenericTemperatureSensor(ConfigSection config) {
        Heaters heaters = (Heaters) config.getPrinter().loadObject(config, "heaters");
        TemperatureSensor sensor = heaters.setupSensor(config);
        double minTemp = config.getFloat("min_temp", HeaterImpl.KELVIN_TO_CELSIUS,
                Bounds.min(HeaterImpl.KELVIN_TO_CELSIUS));
        double maxTemp = config.getFloat("max_temp", 99999999.9, Bounds.above(minTemp));
        sensor.setupMinMax(minTemp, maxTemp);
        sensor.setupCallback(this::onTemperature);
        heaters.registerSensor(config, this, null);
    }

    private synchronized void onTemperature(double readTime, double temp) {
        lastTemp = temp;
        if (temp != 0.) {
            measuredMin = Math.min(measuredMin, temp);
            measuredMax = Math.max(measuredMax, temp);
        }
    }

    @Override
    public synchronized double[] getTemp(double eventtime) {
        return new double[] {lastTemp, 0.};
    }

    @Override
    public synchronized Map<String, Object> getStatus(double eventtime) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("temperature", PyFormat.round(lastTemp, 2));
        status.put("measured_min_temp", PyFormat.round(measuredMin, 2));
        status.put("measured_max_temp", PyFormat.round(measuredMax, 2));
        return status;
    }
}
