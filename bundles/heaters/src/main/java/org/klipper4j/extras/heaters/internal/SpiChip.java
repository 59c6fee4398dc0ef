/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.klipper4j.core.api.ConfigSection;

/** The SPI temperature chips Klipper's firmware reads with query_thermocouple. */
enum SpiChip {
    MAX6675(0), MAX31855(0), MAX31856(1), MAX31865(1);

    private final int spiMode;

    SpiChip(int spiMode) {
        this.spiMode = spiMode;
    }

    /** The sensor_type and the firmware's thermocouple_type enumeration name. */
    String typeName() {
        return name();
    }

    int spiMode() {
        return spiMode;
    }

    SpiConversion conversion(ConfigSection config) {
        switch (this) {
            case MAX6675:
                return new ThermocoupleConversion(3, 0x2000, 0.25, new byte[0],
                        faults(0x02, "Max6675 : Device ID error", 0x04, "Max6675 : Thermocouple Open Fault"));
            case MAX31855:
                return new ThermocoupleConversion(18, 0x2000, 0.25, new byte[0],
                        faults(0x1, "MAX31855 : Open Circuit", 0x2, "MAX31855 : Short to GND",
                                0x4, "MAX31855 : Short to Vcc"));
            case MAX31856:
                return new ThermocoupleConversion(5, 0x40000, 0.0078125, max31856Init(config), max31856Faults());
            default:
                return new RtdConversion(config);
        }
    }

    private static byte[] max31856Init(ConfigSection config) {
        int cr0 = 0x80; // automatic conversion
        if (config.getBoolean("tc_use_50Hz_filter", false)) {
            cr0 |= 0x01;
        }
        Map<String, Integer> types = new LinkedHashMap<>();
        String[] names = {"B", "E", "J", "K", "N", "R", "S", "T"};
        for (int i = 0; i < names.length; i++) {
            types.put(names[i], i);
        }
        int cr1 = config.getChoice("tc_type", types, "K");
        Map<String, Integer> averages = Map.of("1", 0x00, "2", 0x10, "4", 0x20, "8", 0x30, "16", 0x70);
        cr1 |= config.getChoice("tc_averaging_count", averages, "1");
        int mask = 0x02 | 0x01; // report over/under voltage and open thermocouple faults
        return new byte[] {(byte) 0x80, (byte) cr0, (byte) cr1, (byte) mask};
    }

    private static Map<Integer, String> max31856Faults() {
        return faults(0x80, "Max31856: Cold Junction Range Fault", 0x40, "Max31856: Thermocouple Range Fault",
                0x20, "Max31856: Cold Junction High Fault", 0x10, "Max31856: Cold Junction Low Fault",
                0x08, "Max31856: Thermocouple High Fault", 0x04, "Max31856: Thermocouple Low Fault",
                0x02, "Max31856: Over/Under Voltage Fault", 0x01, "Max31856: Thermocouple Open Fault");
    }

    private static Map<Integer, String> faults(Object... bitsAndTexts) {
        Map<Integer, String> m = new LinkedHashMap<>();
        for (int i = 0; i < bitsAndTexts.length; i += 2) {
            m.put((Integer) bitsAndTexts[i], (String) bitsAndTexts[i + 1]);
        }
        return m;
    }
}
