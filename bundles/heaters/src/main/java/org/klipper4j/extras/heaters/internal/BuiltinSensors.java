/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.klipper4j.core.api.Printer;
import org.klipper4j.extras.heaters.api.Heaters;

/** Registers every sensor_type Klipper knows without a config section (its temperature_sensors.cfg and modules). */
final class BuiltinSensors {
    /** Klipper's default thermistors, values from the manufacturers' tables as Klipper publishes them. */
    static final Map<String, ThermistorParams> THERMISTORS = new LinkedHashMap<>();

    static {
        THERMISTORS.put("ATC Semitec 104GT-2", ThermistorParams.ofPoints(20, 126800, 150, 1360, 300, 80.65));
        THERMISTORS.put("ATC Semitec 104NT-4-R025H42G",
                ThermistorParams.ofPoints(25, 100000, 160, 1074, 300, 82.78));
        THERMISTORS.put("EPCOS 100K B57560G104F", ThermistorParams.ofPoints(25, 100000, 150, 1641.9, 250, 226.15));
        THERMISTORS.put("Generic 3950", ThermistorParams.ofPoints(25, 100000, 150, 1770, 250, 230));
        THERMISTORS.put("SliceEngineering 450", ThermistorParams.ofPoints(25, 500000, 200, 3734, 400, 240));
        THERMISTORS.put("TDK NTCG104LH104JT1", ThermistorParams.ofPoints(25, 100000, 50, 31230, 125, 2066));
        THERMISTORS.put("Honeywell 100K 135-104LAG-J01", ThermistorParams.ofBeta(25, 100000, 3974));
        THERMISTORS.put("NTC 100K beta 3950", ThermistorParams.ofBeta(25, 100000, 3950));
        THERMISTORS.put("NTC 100K MGB18-104F39050L32", ThermistorParams.ofBeta(25, 100000, 4100));
    }

    private BuiltinSensors() {
    }

    static void register(Printer printer, Heaters heaters) {
        THERMISTORS.forEach((name, params) -> heaters.addSensorFactory(name,
                config -> new AdcTemperatureSensor(config, params.converter(config))));
        Map<String, double[][]> voltageTables = new LinkedHashMap<>();
        voltageTables.put("AD595", AdcTables.AD595);
        voltageTables.put("AD597", AdcTables.AD597);
        voltageTables.put("AD8494", AdcTables.AD8494);
        voltageTables.put("AD8495", AdcTables.AD8495);
        voltageTables.put("AD8496", AdcTables.AD8496);
        voltageTables.put("AD8497", AdcTables.AD8497);
        voltageTables.put("PT100 INA826", AdcTables.PT100_INA826);
        voltageTables.forEach((name, table) -> heaters.addSensorFactory(name,
                config -> new AdcTemperatureSensor(config, new LinearVoltage(config, table))));
        heaters.addSensorFactory("PT1000",
                config -> new AdcTemperatureSensor(config, new LinearResistance(config, AdcTables.PT1000)));
        for (SpiChip chip : SpiChip.values()) {
            heaters.addSensorFactory(chip.typeName(), config -> new SpiTemperatureSensor(config, chip));
        }
        heaters.addSensorFactory("temperature_mcu", McuTemperatureSensor::new);
        heaters.addSensorFactory("DS18B20", Ds18b20Sensor::new);
        heaters.addSensorFactory("temperature_host", HostTemperatureSensor::new);
        heaters.addSensorFactory("temperature_combined", CombinedTemperatureSensor::new);
    }
}
