/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.PrinterModule;
import org.klipper4j.core.api.PrinterState;
import org.klipper4j.core.api.StartArgs;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.extras.heaters.fakes.FakeMcu;
import org.klipper4j.extras.heaters.fakes.FakePins;
import org.klipper4j.extras.heaters.fakes.FakeSpi;
import org.klipper4j.extras.heaters.internal.HeaterBedModule;
import org.klipper4j.extras.heaters.internal.HeaterGenericModule;
import org.klipper4j.extras.heaters.internal.HeatersModule;
import org.klipper4j.extras.heaters.internal.PidCalibrateModule;
import org.klipper4j.extras.heaters.internal.TemperatureSensorModule;
import org.klipper4j.extras.heaters.internal.ThermistorModule;
import org.klipper4j.extras.heaters.internal.VerifyHeaterModule;

/**
 * The heater modules in the core's real printer host (config checks, G-code dispatcher,
 * status queries), with fake MCU objects from a stand-in board section. Lives in the
 * host's package only because HostLoop is package-private.
 */
class HeatersInHostTest {
    @TempDir
    Path dir;

    private final ModuleRegistry registry = new ModuleRegistry();
    private HostLoop loop;

    /** [test_board]: registers the fake pins, MCU and buses the MCU bundle would provide. */
    static final class TestBoardModule implements PrinterModule {
        @Override
        public Object load(ConfigSection config) {
            Printer printer = config.getPrinter();
            FakeMcu mcu = new FakeMcu(printer);
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
        if (loop != null) {
            loop.stop();
        }
    }

    private PrinterHostService start(String cfg) throws Exception {
        long id = 1;
        registry.add(new ModuleEntry("test_board", false, new TestBoardModule(), "test", id++, 0));
        registry.add(new ModuleEntry("heaters", false, new HeatersModule(), "heaters", id++, 0));
        registry.add(new ModuleEntry("heater_bed", false, new HeaterBedModule(), "heaters", id++, 0));
        registry.add(new ModuleEntry("heater_generic", true, new HeaterGenericModule(), "heaters", id++, 0));
        registry.add(new ModuleEntry("verify_heater", true, new VerifyHeaterModule(), "heaters", id++, 0));
        registry.add(new ModuleEntry("pid_calibrate", false, new PidCalibrateModule(), "heaters", id++, 0));
        registry.add(new ModuleEntry("temperature_sensor", true, new TemperatureSensorModule(), "heaters", id++,
                0));
        registry.add(new ModuleEntry("thermistor", true, new ThermistorModule(), "heaters", id++, 0));
        Path file = dir.resolve("printer.cfg");
        Files.writeString(file, cfg);
        StartArgs args = new StartArgs(file, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Map.of(), false, false);
        loop = new HostLoop(args, registry, code -> { });
        loop.start();
        PrinterHostService host = new PrinterHostService(loop);
        waitFor(() -> host.getState() != PrinterState.STARTUP);
        return host;
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(10);
        }
    }

    @Test
    void heatersLoadAndAnswerCommandsAndStatusQueries() throws Exception {
        PrinterHostService host = start(CFG);
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
        PrinterHostService host = start(CFG.replace("min_temp: 0\nmax_temp: 130\n",
                "min_temp: 0\nmax_temp: 130\nmax_temperature: 3\n"));
        assertEquals(PrinterState.ERROR, host.getState());
        assertTrue(host.getStateMessage().startsWith(
                "Option 'max_temperature' is not valid in section 'heater_bed'"), host.getStateMessage());
    }

    @Test
    void minTempNotBelowMaxTempIsAConfigError() throws Exception {
        PrinterHostService host = start(CFG.replace("min_temp: 0\nmax_temp: 130\n", "min_temp: 130\nmax_temp: 130\n"));
        assertEquals(PrinterState.ERROR, host.getState());
        assertTrue(host.getStateMessage().startsWith(
                "Option 'max_temp' in section 'heater_bed' must be above 130.0"), host.getStateMessage());
    }
}
