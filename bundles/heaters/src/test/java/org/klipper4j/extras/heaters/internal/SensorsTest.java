/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.testkit.FakeAdc;

/** temperature_sensor sections with SPI, MCU and host sensors, custom sensor sections, and M105 before ready. */
class SensorsTest {
    @TempDir
    Path dir;

    private PrinterFixture fixture(String cfg) throws Exception {
        return new PrinterFixture(dir, cfg, false);
    }

    private static double temperature(PrinterFixture p, String name) {
        return (double) ((GenericTemperatureSensor) p.printer.lookupObject(name)).getStatus(0).get("temperature");
    }

    @Test
    void spiThermocoupleIsConfiguredAndPolledByTheMcuAsKlipperDoes() throws Exception {
        PrinterFixture p = fixture("[temperature_sensor tc]\nsensor_type: MAX31855\nsensor_pin: PA4\n"
                + "min_temp: 0\nmax_temp: 400\n").start();
        assertEquals(0, p.spi.mode);
        assertEquals("sensor_pin", p.spi.csPinOption);
        assertEquals(4000000, p.spi.speed);
        // spi oid 0, sensor oid 1; max_temp 400 C = 1600 steps of 0.25 C, shifted 18 bits = 419430400
        assertEquals(List.of("config_thermocouple oid=1 spi_oid=0 thermocouple_type=MAX31855",
                "query_thermocouple oid=1 clock=2000 rest_ticks=300000 min_value=0 max_value=419430400"
                        + " max_invalid_count=3"), p.mcu.configCommands);
        var handler = p.mcu.responses.get("thermocouple_result 1");
        handler.handle(Map.of("oid", 1, "next_clock", 5_300_000L, "value", 400L << 18, "fault", 0));
        assertEquals(100., temperature(p, "temperature_sensor tc"), 1e-9);
        handler.handle(Map.of("oid", 1, "next_clock", 5_600_000L, "value", 0L, "fault", 1));
        assertEquals(100., temperature(p, "temperature_sensor tc"), 1e-9, "a fault report is not a reading");
    }

    @Test
    void ds18b20IsConfiguredAndPolledByItsMcuAsKlipperDoes() throws Exception {
        PrinterFixture p = fixture("[temperature_sensor w1]\nsensor_type: DS18B20\nserial_no: 28-0123\n"
                + "sensor_mcu: mcu\nmin_temp: 0\nmax_temp: 100.5\n").start();
        // the serial number's characters in hex; every 3 s (3000000 ticks at 1 MHz); range in thousandths
        assertEquals(List.of("config_ds18b20 oid=0 serial=32382d30313233 max_error_count=4",
                "query_ds18b20 oid=0 clock=1000 rest_ticks=3000000 min_value=0 max_value=100500"),
                p.mcu.configCommands);
        var handler = p.mcu.responses.get("ds18b20_result 0");
        handler.handle(Map.of("oid", 0, "next_clock", 9_000_000L, "value", 23_500L, "fault", 0));
        assertEquals(23.5, temperature(p, "temperature_sensor w1"), 1e-9);
        handler.handle(Map.of("oid", 0, "next_clock", 12_000_000L, "value", 0L, "fault", 2));
        assertEquals(23.5, temperature(p, "temperature_sensor w1"), 1e-9, "a fault report is not a reading");
    }

    @Test
    void ds18b20NeedsItsSerialNumberAndMcu() throws Exception {
        ConfigException e = assertThrows(ConfigException.class, () -> fixture(
                "[temperature_sensor w1]\nsensor_type: DS18B20\nsensor_mcu: mcu\n").start());
        assertEquals("Option 'serial_no' in section 'temperature_sensor w1' must be specified", e.getMessage());
    }

    @Test
    void max31856AndMax31865ConfigureTheChipOverSpi() throws Exception {
        PrinterFixture p = fixture("[temperature_sensor tc]\nsensor_type: MAX31856\nsensor_pin: PA4\n").start();
        assertEquals(1, p.spi.mode);
        assertEquals(1, p.spi.sent.size());
        assertArrayEquals(new byte[] {(byte) 0x80, (byte) 0x80, 0x03, 0x03}, p.spi.sent.get(0),
                "CR0 autoconvert, CR1 type K, fault mask");
        PrinterFixture q = new PrinterFixture(Files.createDirectory(dir.resolve("q")),
                "[temperature_sensor rtd]\nsensor_type: MAX31865\nsensor_pin: PA4\n", false).start();
        assertArrayEquals(new byte[] {(byte) 0x80, (byte) 0xC2}, q.spi.sent.get(0), "bias, auto, fault clear");
    }

    @Test
    void rp2040TemperatureFollowsTheDatasheetLine() throws Exception {
        PrinterFixture p = fixture("[temperature_sensor chip]\nsensor_type: temperature_mcu\nmin_temp: 0\n"
                + "max_temp: 100\n");
        p.mcu.constants.put("MCU", "rp2040");
        p.start();
        FakeAdc adc = p.pins.adcs.get("mcu:ADC_TEMPERATURE");
        // RP2040 datasheet: 0.706 V at 27 C, -1.721 mV per degree; ADC full scale 3.3 V
        adc.report(10., 0.706 / 3.3);
        assertEquals(27., temperature(p, "temperature_sensor chip"), 1e-6);
        adc.report(10.3, (0.706 - 0.01721) / 3.3);
        assertEquals(37., temperature(p, "temperature_sensor chip"), 1e-6);
        assertEquals((0.706 - 0.001721 * 73) / 3.3, adc.minval, 1e-9, "max_temp 100 C as the lowest ADC value");
        assertEquals((0.706 + 0.001721 * 27) / 3.3, adc.maxval, 1e-9, "min_temp 0 C as the highest ADC value");
    }

    @Test
    void stm32h7TemperatureUsesTheFactoryCalibration() throws Exception {
        PrinterFixture p = fixture("[temperature_sensor chip]\nsensor_type: temperature_mcu\n");
        p.mcu.constants.put("MCU", "stm32h723xx");
        p.mcu.memory.put(0x1FF1E820L, 12000L); // reading at 30 C
        p.mcu.memory.put(0x1FF1E840L, 16000L); // reading at 110 C
        p.start();
        p.pins.adcs.get("mcu:ADC_TEMPERATURE").report(10., 14000. / 65535.);
        assertEquals(70., temperature(p, "temperature_sensor chip"), 1e-6, "halfway between the two points");
    }

    @Test
    void mcuTemperatureCalibrationPointOverridesTheBase() throws Exception {
        PrinterFixture p = fixture("[temperature_sensor chip]\nsensor_type: temperature_mcu\n"
                + "sensor_temperature1: 30\nsensor_adc1: 0.2\n");
        p.mcu.constants.put("MCU", "rp2040");
        p.start();
        p.pins.adcs.get("mcu:ADC_TEMPERATURE").report(10., 0.2);
        assertEquals(30., temperature(p, "temperature_sensor chip"), 1e-6);
    }

    @Test
    void mcuTemperatureOnAnUnsupportedMcuIsAnError() throws Exception {
        PrinterFixture p = fixture("[temperature_sensor chip]\nsensor_type: temperature_mcu\n");
        p.mcu.constants.put("MCU", "atmega2560");
        ConfigException e = assertThrows(ConfigException.class, p::start);
        assertEquals("MCU temperature not supported on atmega2560", e.getMessage());
    }

    @Test
    void hostTemperatureReadsTheSysfsFileAndShutsDownAboveMaxTemp() throws Exception {
        Path temp = dir.resolve("temp");
        Files.writeString(temp, "45678\n");
        PrinterFixture p = fixture("[temperature_sensor host]\nsensor_type: temperature_host\nsensor_path: " + temp
                + "\nmax_temp: 50\n").start();
        p.reactor().runFor(2.5);
        assertEquals(45.68, temperature(p, "temperature_sensor host"), 1e-9, "status rounds to 2 decimals");
        assertNull(p.printer.shutdownMessage());
        Files.writeString(temp, "51000\n");
        p.reactor().runFor(1.);
        assertEquals("HOST temperature 51.0 above maximum temperature of 50.0.", p.printer.shutdownMessage());
    }

    @Test
    void hostTemperatureWithoutItsFileIsAConfigError() throws Exception {
        PrinterFixture p = fixture("[temperature_sensor host]\nsensor_type: temperature_host\nsensor_path: "
                + dir.resolve("missing") + "\n");
        ConfigException e = assertThrows(ConfigException.class, p::start);
        assertEquals("Unable to open temperature file '" + dir.resolve("missing") + "'", e.getMessage());
    }

    @Test
    void customAdcTemperatureAndALaterThermistorSectionServeAsSensorTypes() throws Exception {
        String cfg = "[temperature_sensor amp]\nsensor_type: myamp\nsensor_pin: PA5\n\n"
                + "[temperature_sensor therm]\nsensor_type: mytherm\nsensor_pin: PA6\n\n"
                + "[adc_temperature myamp]\ntemperature1: 0\nvoltage1: 0\ntemperature2: 100\nvoltage2: 1\n\n"
                + "[thermistor mytherm]\ntemperature1: 25\nresistance1: 100000\nbeta: 3950\n";
        PrinterFixture p = fixture(cfg).start();
        p.pins.adcs.get("PA5").report(10., 0.5 / 5.); // 0.5 V of a 5 V ADC: halfway up the 0..1 V table
        assertEquals(50., temperature(p, "temperature_sensor amp"), 1e-9);
        p.pins.adcs.get("PA6").report(10., 100000. / 104700.);
        assertEquals(25., temperature(p, "temperature_sensor therm"), 1e-6);
    }

    @Test
    void m105BeforeReadyAnswersTZero() throws Exception {
        PrinterFixture p = fixture(ClosedLoopTest.THERMISTOR + ClosedLoopTest.BED_PID).connect();
        assertNull(p.gcode.run("M105"));
        assertEquals(List.of("ok T:0"), p.gcode.output);
    }

    @Test
    void heaterBedCommandsAndStatus() throws Exception {
        PrinterFixture p = fixture(ClosedLoopTest.THERMISTOR + ClosedLoopTest.BED_PID).start();
        assertNull(p.gcode.run("M140 S55"));
        Map<String, Object> status = ((org.klipper4j.core.api.StatusProvider) p.printer.lookupObject("heater_bed"))
                .getStatus(0);
        assertEquals(55., status.get("target"));
        assertEquals("Requested temperature (150.0) out of range (0.0:130.0)", p.gcode.run("M140 S150"));
        assertTrue(p.gcode.output.contains("!! Requested temperature (150.0) out of range (0.0:130.0)"));
    }

    @Test
    void combinedSensorAveragesAndShutsDownOnDeviation() throws Exception {
        String cfg = ClosedLoopTest.THERMISTOR
                + "[temperature_sensor a]\nsensor_type: beta3950\nsensor_pin: PA1\n\n"
                + "[temperature_sensor b]\nsensor_type: beta3950\nsensor_pin: PA2\n\n"
                + "[temperature_sensor both]\nsensor_type: temperature_combined\n"
                + "sensor_list: temperature_sensor a, temperature_sensor b\ncombination_method: mean\n"
                + "maximum_deviation: 10\n";
        PrinterFixture p = fixture(cfg).start();
        p.pins.adcs.get("PA1").report(10., ThermalPlant.adcFor(40.));
        p.pins.adcs.get("PA2").report(10., ThermalPlant.adcFor(44.));
        p.reactor().runFor(2.);
        assertEquals(42., temperature(p, "temperature_sensor both"), 0.01);
        assertNull(p.printer.shutdownMessage());
        p.pins.adcs.get("PA2").report(12., ThermalPlant.adcFor(60.));
        p.reactor().runFor(1.);
        assertEquals("COMBINED SENSOR maximum deviation exceeded limit of 10.0, max sensor value 60.0, "
                + "min sensor value 40.0.", p.printer.shutdownMessage());
    }

    @Test
    void combinedSensorNeedsObjectsThatReportATemperature() throws Exception {
        String cfg = "[temperature_sensor both]\nsensor_type: temperature_combined\nsensor_list: gcode\n"
                + "combination_method: max\nmaximum_deviation: 10\n";
        ConfigException e = assertThrows(ConfigException.class, () -> fixture(cfg).start());
        assertEquals("'gcode' does not have a status.", e.getMessage());
    }
}
