/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.fan.internal;

import java.util.ArrayList;
import java.util.List;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.extras.heaters.api.Heater;
import org.klipper4j.extras.heaters.api.Heaters;
import org.klipper4j.extras.heaters.api.SensorFactory;
import org.klipper4j.extras.heaters.api.TemperatureCallback;
import org.klipper4j.extras.heaters.api.TemperatureSensor;
import org.klipper4j.extras.heaters.api.TemperatureSource;

/** A heaters object that hands out one recording sensor and remembers registrations. */
final class FakeHeaters implements Heaters {
    /** The sensor a section gets: records its limits and lets a test feed readings. */
    static final class Sensor implements TemperatureSensor {
        double minTemp = Double.NaN;
        double maxTemp = Double.NaN;
        TemperatureCallback callback;

        @Override
        public void setupMinMax(double minTemp, double maxTemp) {
            this.minTemp = minTemp;
            this.maxTemp = maxTemp;
        }

        @Override
        public void setupCallback(TemperatureCallback callback) {
            this.callback = callback;
        }

        @Override
        public double getReportTimeDelta() {
            return 0.3;
        }
    }

    final Sensor sensor = new Sensor();
    final List<String> registeredSensors = new ArrayList<>();
    final List<TemperatureSource> sources = new ArrayList<>();

    @Override
    public TemperatureSensor setupSensor(ConfigSection config) {
        config.get("sensor_type");
        return sensor;
    }

    @Override
    public void registerSensor(ConfigSection config, TemperatureSource source, String gcodeId) {
        registeredSensors.add(config.getName());
        sources.add(source);
    }

    @Override
    public Heater setupHeater(ConfigSection config, String gcodeId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Heater lookupHeater(String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void registerMonitor(ConfigSection config) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void addSensorFactory(String sensorType, SensorFactory factory) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setTemperature(Heater heater, double temp, boolean wait) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void turnOffAllHeaters() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setActiveExtruder(String extruderName) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<String> getAvailableHeaters() {
        return List.of();
    }
}
