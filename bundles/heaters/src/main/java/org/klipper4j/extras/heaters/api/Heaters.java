/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.api;

import java.util.List;

import org.klipper4j.core.api.ConfigSection;

/**
 * The {@code heaters} printer object: heater and sensor registry, M105 and the
 * temperature commands. Get it with {@code printer.loadObject(config, "heaters")}.
 */
public interface Heaters {
    /** Builds the heater of a section ({@code [extruder]}, ...); {@code gcodeId} is its M105 letter or null. */
    Heater setupHeater(ConfigSection config, String gcodeId);

    /** A heater by short name; throws a config error "Unknown heater '...'". */
    Heater lookupHeater(String name);

    /** Builds the sensor named by the section's {@code sensor_type}. */
    TemperatureSensor setupSensor(ConfigSection config);

    /** Lists a sensor in available_sensors (and in M105 under {@code gcodeId}, or the section's gcode_id). */
    void registerSensor(ConfigSection config, TemperatureSource source, String gcodeId);

    /** Lists a section in available_monitors (fans and such). */
    void registerMonitor(ConfigSection config);

    void addSensorFactory(String sensorType, SensorFactory factory);

    /** Sets a heater's target; with {@code wait}, returns when it is reached (at once in batch mode). */
    void setTemperature(Heater heater, double temp, boolean wait);

    void turnOffAllHeaters();

    /**
     * The extruder object M104/M109 without {@code T} act on (ACTIVATE_EXTRUDER calls this);
     * {@code extruder} until set.
     */
    void setActiveExtruder(String extruderName);

    /** Section names of all heaters, in creation order. */
    List<String> getAvailableHeaters();
}
