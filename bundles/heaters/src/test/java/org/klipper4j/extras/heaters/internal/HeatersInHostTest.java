/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.PrinterHost;
import org.klipper4j.core.api.PrinterModule;
import org.klipper4j.core.api.PrinterState;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.testkit.FakeMcu;
import org.klipper4j.testkit.FakePins;
import org.klipper4j.testkit.FakeSpi;
import org.klipper4j.testkit.HostHarness;

/**
 * The heater modules in the core's real printer host (config checks, G-code dispatcher,
 * status queries), with fake MCU objects from a stand-in board section.
 */
class HeatersInHostTest {
    @TempDir
    Path dir;

    private final HostHarness harness = new HostHarness();

    /** [test_board]: registers the fake pins, MCU and buses the MCU bundle would provide. */
    static final class TestBoardModule implements PrinterModule {
        @Override
        public Object load(ConfigSection config) {
            Printer printer = config.getPrinter();
            FakeMcu mcu = new FakeMcu(printer, "mcu", PrinterFixture.CLOCK_FREQ, PrinterFixture.PRINT_TIME_OFFSET);
            printer.addObject("mcu", mcu);
            printer.addObject("pins", new FakePins(mcu));
            printer.addObject("buses", new FakeSpi(mcu));
            return mcu.getName(); // any object: a section with an object is a valid section
        }
    }

    private static final String CFG = "[test_board]\n\n"
            + "[thermistor beta3950]\ntemperature1: 25\nresistance1: 100000\nbeta: 3950\n\n"
            + "[heater_bed]\nheater_pin: PB1\nsensor_pin: PA1\nsensor_type: beta3950\ncontrol: watermark\n"
            + "min_temp: 0\nmax_temp: 130\n\n"
            + "[heater_generic extruder]\ngcode_id: T0\nheater_pin: PB2\nsensor_pin: PA2\nsensor_type: EPCOS 100K B57560G104F\n"
            + "control: pid\npid_Kp: 22.2\npid_Ki: 1.08\npid_Kd: 114\nmin_temp: 0\nmax_temp: 250\n\n"
            + "[temperature_sensor chamber]\nsensor_type: beta3950\nsensor_pin: PA3\n\n"
            + "[verify_heater heater_bed]\ncheck_gain_time: 120\n";

    @AfterEach
    void stop() {
        harness.close();
    }

    private PrinterHost start(String cfg) throws Exception {
        return harness.module("test_board", new TestBoardModule())
                .module("heaters", new HeatersModule())
                .module("heater_bed", new HeaterBedModule())
                .prefixModule("heater_generic", new HeaterGenericModule())
                .prefixModule("verify_heater", new VerifyHeaterModule())
                .module("pid_calibrate", new PidCalibrateModule())
                .prefixModule("temperature_sensor", new TemperatureSensorModule())
                .prefixModule("thermistor", new ThermistorModule())
                .start(dir, cfg);
    }

    @Test
    void heatersLoadAndAnswerCommandsAndStatusQueries() throws Exception {
        PrinterHost host = start(CFG);
        assertEquals(PrinterState.READY, host.getState(), host.getStateMessage());
        assertEquals(List.of(), host.runGCode("M140 S60"));
        assertEquals(List.of(), host.runGCode("SET_HEATER_TEMPERATURE HEATER=extruder TARGET=200"));
        assertEquals(List.of("B:0.0 /60.0 T0:0.0 /200.0"), host.runGCode("M105"));
        assertEquals(60., ((Number) host.queryStatus("heater_bed", null).get("target")).doubleValue());
        Map<String, Object> heaters = host.queryStatus("heaters", null);
        assertEquals(List.of("heater_bed", "heater_generic extruder"), heaters.get("available_heaters"));
        assertEquals(List.of("heater_bed", "heater_generic extruder", "temperature_sensor chamber"),
                heaters.get("available_sensors"));
        assertEquals(List.of("temperature", "measured_min_temp", "measured_max_temp"),
                List.copyOf(host.queryStatus("temperature_sensor chamber", null).keySet()));
        CommandError e = assertThrows(CommandError.class,
                () -> host.runGCode("SET_HEATER_TEMPERATURE HEATER=extruder TARGET=300"));
        assertTrue(e.getMessage().contains("Requested temperature (300.0) out of range (0.0:250.0)"),
                e.getMessage());
        assertEquals(List.of(), host.runGCode("TURN_OFF_HEATERS"));
        assertEquals(List.of("B:0.0 /0.0 T0:0.0 /0.0"), host.runGCode("M105"));
    }

    @Test
    void anOptionNoModuleReadsIsAConfigError() throws Exception {
        PrinterHost host = start(CFG.replace("min_temp: 0\nmax_temp: 130\n",
                "min_temp: 0\nmax_temp: 130\nmax_temperature: 3\n"));
        assertEquals(PrinterState.ERROR, host.getState());
        assertTrue(host.getStateMessage().startsWith(
                "Option 'max_temperature' is not valid in section 'heater_bed'"), host.getStateMessage());
    }

    @Test
    void minTempNotBelowMaxTempIsAConfigError() throws Exception {
        PrinterHost host = start(CFG.replace("min_temp: 0\nmax_temp: 130\n", "min_temp: 130\nmax_temp: 130\n"));
        assertEquals(PrinterState.ERROR, host.getState());
        assertTrue(host.getStateMessage().startsWith(
                "Option 'max_temp' in section 'heater_bed' must be above 130.0"), host.getStateMessage());
    }
}
