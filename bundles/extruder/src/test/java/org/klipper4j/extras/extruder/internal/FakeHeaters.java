/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.extruder.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.extras.heaters.api.Heater;
import org.klipper4j.extras.heaters.api.HeaterControl;
import org.klipper4j.extras.heaters.api.Heaters;
import org.klipper4j.extras.heaters.api.SensorFactory;
import org.klipper4j.extras.heaters.api.TemperatureSensor;
import org.klipper4j.extras.heaters.api.TemperatureSource;

/** Heaters whose temperature and "can extrude" a test sets; records the gcode ids and the active extruder. */
final class FakeHeaters implements Heaters {
    final Map<String, FakeHeater> heaters = new LinkedHashMap<>();
    final Map<String, String> gcodeIds = new LinkedHashMap<>();
    String activeExtruder = "extruder";

    @Override
    public Heater setupHeater(ConfigSection config, String gcodeId) {
        // the heater reads its options as the real one does, so none is left unread
        for (String option : List.of("heater_pin", "sensor_type", "sensor_pin", "control", "pid_Kp", "pid_Ki",
                "pid_Kd", "min_temp", "max_temp", "min_extrude_temp")) {
            if (config.hasOption(option)) {
                config.markUsed(option);
            }
        }
        FakeHeater h = new FakeHeater(config.getName());
        heaters.put(config.getName(), h);
        gcodeIds.put(config.getName(), gcodeId);
        return h;
    }

    @Override
    public Heater lookupHeater(String name) {
        Heater h = heaters.get(name);
        if (h == null) {
            throw new CommandError("Unknown heater '" + name + "'");
        }
        return h;
    }

    @Override
    public TemperatureSensor setupSensor(ConfigSection config) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void registerSensor(ConfigSection config, TemperatureSource source, String gcodeId) {
    }

    @Override
    public void registerMonitor(ConfigSection config) {
    }

    @Override
    public void addSensorFactory(String sensorType, SensorFactory factory) {
    }

    @Override
    public void setTemperature(Heater heater, double temp, boolean wait) {
        heater.setTemp(temp);
    }

    @Override
    public void turnOffAllHeaters() {
    }

    @Override
    public void setActiveExtruder(String extruderName) {
        activeExtruder = extruderName;
    }

    @Override
    public List<String> getAvailableHeaters() {
        return new ArrayList<>(heaters.keySet());
    }

    /** A heater at a fixed temperature. */
    static final class FakeHeater implements Heater {
        private final String name;
        double temperature = 25.;
        double target;
        boolean canExtrude = true;

        FakeHeater(String name) {
            this.name = name;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public double[] getTemp(double eventtime) {
            return new double[] {temperature, target};
        }

        @Override
        public void setTemp(double degrees) {
            target = degrees;
        }

        @Override
        public boolean checkBusy(double eventtime) {
            return false;
        }

        @Override
        public boolean canExtrude() {
            return canExtrude;
        }

        @Override
        public double getMinExtrudeTemp() {
            return 170.;
        }

        @Override
        public double getMaxPower() {
            return 1.;
        }

        @Override
        public double getPwmDelay() {
            return 0.;
        }

        @Override
        public double getSmoothTime() {
            return 1.;
        }

        @Override
        public void setPwm(double readTime, double value) {
        }

        @Override
        public void alterTarget(double targetTemp) {
            target = targetTemp;
        }

        @Override
        public HeaterControl setControl(HeaterControl control) {
            return null;
        }

        @Override
        public Map<String, Object> getStatus(double eventtime) {
            Map<String, Object> res = new LinkedHashMap<>();
            res.put("temperature", temperature);
            res.put("target", target);
            res.put("power", 0.);
            return res;
        }
    }
}
