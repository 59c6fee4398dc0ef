/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.testkit.FakeAdc;

/**
 * The limits the sensors hand to the MCU, against the numbers in Klipper's own batch
 * output for its test/klippy/temperature.cfg (atmega2560, ADC_MAX 1023, 8 samples:
 * the MCU object sends min_value = int(minval * 8184), max_value = ceil(maxval * 8184)).
 */
class KlipperReferenceTest {
    @TempDir
    Path dir;

    private static final int MAX_ADC = 8 * 1023;

    private static final String CFG = "[heater_generic extruder]\nheater_pin: PB4\nsensor_type: AD595\n"
            + "sensor_pin: PK5\ncontrol: pid\npid_Kp: 22.2\npid_Ki: 1.08\npid_Kd: 114\nmin_temp: 0\nmax_temp: 250\n\n"
            + "[heater_bed]\nheater_pin: PH5\nsensor_type: PT100 INA826\nsensor_pin: PK6\ncontrol: watermark\n"
            + "min_temp: 0\nmax_temp: 130\n\n"
            + "[temperature_sensor test_max6675]\nmin_temp: 0\nmax_temp: 100\nsensor_type: MAX6675\nsensor_pin: PE4\n\n"
            + "[temperature_sensor test_max31855]\nmin_temp: 0\nmax_temp: 100\nsensor_type: MAX31855\n"
            + "sensor_pin: PE3\n\n"
            + "[temperature_sensor test_max31856]\nmin_temp: 0\nmax_temp: 100\nsensor_type: MAX31856\n"
            + "sensor_pin: PH4\n\n"
            + "[temperature_sensor test_max31865]\nmin_temp: 0\nmax_temp: 100\nsensor_type: MAX31865\n"
            + "sensor_pin: PB7\n\n"
            + "[thermistor my_custom_thermistor]\ntemperature1: 25\nresistance1: 100000\ntemperature2: 100\n"
            + "resistance2: 1500\ntemperature3: 250\nresistance3: 100\n\n"
            + "[temperature_sensor test_custom_thermistor]\nmin_temp: 0\nmax_temp: 100\n"
            + "sensor_type: my_custom_thermistor\nsensor_pin: PF3\n\n"
            + "[adc_temperature my_custom_adc]\ntemperature1: 25\nvoltage1: 1\ntemperature2: 100\nvoltage2: 2\n"
            + "temperature3: 250\nvoltage3: 3\n\n"
            + "[temperature_sensor test_custom_adc]\nmin_temp: 0\nmax_temp: 100\nsensor_type: my_custom_adc\n"
            + "sensor_pin: PF4\n\n"
            + "[adc_temperature my_custom_resistance_adc]\ntemperature1: 25\nresistance1: 1000\n"
            + "temperature2: 100\nresistance2: 2000\ntemperature3: 250\nresistance3: 3000\n\n"
            + "[temperature_sensor test_custom_resistance_adc]\nsensor_type: my_custom_resistance_adc\n"
            + "sensor_pin: PF5\n\n"
            + "[temperature_sensor test_PT1000]\nsensor_type: PT1000\nsensor_pin: PK1\n";

    private static List<Integer> mcuLimits(FakeAdc adc) {
        int min = (int) Math.max(0, Math.min(0xffff, Math.floor(adc.minval * MAX_ADC)));
        int max = (int) Math.max(0, Math.min(0xffff, Math.ceil(adc.maxval * MAX_ADC)));
        return List.of(min, max);
    }

    @Test
    void adcRangeChecksMatchKlippersOutput() throws Exception {
        PrinterFixture p = new PrinterFixture(dir, CFG, true).start();
        assertEquals(List.of(4, 4115), mcuLimits(p.pins.adcs.get("PK5")), "AD595 0..250");
        assertEquals(List.of(1818, 2696), mcuLimits(p.pins.adcs.get("PK6")), "PT100 INA826 0..130");
        assertEquals(List.of(3743, 8097), mcuLimits(p.pins.adcs.get("PF3")), "custom thermistor 0..100");
        assertEquals(List.of(1091, 3274), mcuLimits(p.pins.adcs.get("PF4")), "custom voltage table 0..100");
        assertEquals(List.of(0, 8184), mcuLimits(p.pins.adcs.get("PF5")), "custom resistance, no limits");
        assertEquals(List.of(0, 8184), mcuLimits(p.pins.adcs.get("PK1")), "PT1000, no limits");
    }

    @Test
    void thermocoupleQueriesMatchKlippersOutput() throws Exception {
        PrinterFixture p = new PrinterFixture(dir, CFG, true).start();
        List<String> queries = p.mcu.configCommands.stream().filter(c -> c.startsWith("query_thermocouple"))
                .map(c -> c.replaceAll(" clock=\\d+ rest_ticks=\\d+", "")).toList();
        assertEquals(List.of(
                "query_thermocouple oid=1 min_value=0 max_value=3200 max_invalid_count=3",
                "query_thermocouple oid=3 min_value=0 max_value=104857600 max_invalid_count=3",
                "query_thermocouple oid=5 min_value=0 max_value=409600 max_invalid_count=3",
                "query_thermocouple oid=7 min_value=15240 max_value=21110 max_invalid_count=3"), queries);
        List<String> types = p.mcu.configCommands.stream().filter(c -> c.startsWith("config_thermocouple")).toList();
        assertEquals(List.of("config_thermocouple oid=1 spi_oid=0 thermocouple_type=MAX6675",
                "config_thermocouple oid=3 spi_oid=2 thermocouple_type=MAX31855",
                "config_thermocouple oid=5 spi_oid=4 thermocouple_type=MAX31856",
                "config_thermocouple oid=7 spi_oid=6 thermocouple_type=MAX31865"), types);
        // Klipper: spi_send oid=4 data=80800303 and spi_send oid=6 data=80c2
        assertEquals("80800303", hex(p.spi.sent.get(0)));
        assertEquals("80c2", hex(p.spi.sent.get(1)));
    }

    private static String hex(byte[] data) {
        StringBuilder sb = new StringBuilder();
        for (byte b : data) {
            sb.append(String.format("%02x", b & 0xff));
        }
        return sb.toString();
    }
}
