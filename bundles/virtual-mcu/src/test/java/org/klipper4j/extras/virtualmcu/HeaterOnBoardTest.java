/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualmcu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.core.api.PrinterHost;
import org.klipper4j.core.api.PrinterState;
import org.klipper4j.extras.heaters.internal.HeaterGenericModule;
import org.klipper4j.extras.heaters.internal.HeatersModule;
import org.klipper4j.extras.heaters.internal.PidCalibrateModule;
import org.klipper4j.extras.heaters.internal.VerifyHeaterModule;
import org.klipper4j.mcu.internal.host.McuModule;
import org.klipper4j.mcu.internal.link.McuLinkOpener;
import org.klipper4j.testkit.HostHarness;

/**
 * The heaters bundle driving the virtual board's thermal model through the real MCU link:
 * M109 heats, holds and returns, and each of Klipper's heater faults (a heater that cannot
 * reach its target, a thermistor that opens or shorts, a heater that fails after reaching
 * its target) ends in a shutdown with Klipper's words. The hotend here heats four times
 * faster than the virtual printer's (its PID gains scaled to match: Ki x4, Kd /4), so
 * M109 S200 settles in about 30 s instead of two minutes.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class HeaterOnBoardTest {
    /** Hotend on PD0/PA0: 16 C/s at full power from ambient, at most 400 C; a feeble heater on PD1/PA1. */
    private static final BoardWiring WIRING = BoardWiring.builder()
            .heater(new BoardWiring.Heater("PD0", "PA0", 16.0, 0.04, BoardWiring.Thermistor.EPCOS_100K))
            .heater(new BoardWiring.Heater("PD1", "PA1", 0.02, 0.01, BoardWiring.Thermistor.EPCOS_100K))
            .build();
    private static final String HOTEND = "[heater_generic extruder]\ngcode_id: T0\nheater_pin: PD0\nsensor_pin: PA0\n"
            + "sensor_type: EPCOS 100K B57560G104F\ncontrol: pid\npid_Kp: 22.2\npid_Ki: 4.32\npid_Kd: 28.5\n"
            + "min_temp: 0\nmax_temp: 250\n\n";

    @TempDir
    Path dir;
    private final VirtualMcu board = new VirtualMcu("heaters", WIRING);
    private final HostHarness harness = new HostHarness();

    @AfterEach
    void stop() {
        harness.close();
        board.close();
    }

    private PrinterHost start(String config) throws Exception {
        McuLinkOpener opener = new McuLinkOpener();
        opener.addProvider("virtual", (address, baud) -> board.openLink());
        harness.prefixModule("mcu", new McuModule(opener))
                .module("heaters", new HeatersModule())
                .prefixModule("heater_generic", new HeaterGenericModule())
                .prefixModule("verify_heater", new VerifyHeaterModule())
                .module("pid_calibrate", new PidCalibrateModule());
        PrinterHost host = harness.start(dir, "[mcu]\nserial: virtual:heaters\n\n" + config);
        assertEquals(PrinterState.READY, host.getState(), host.getStateMessage());
        return host;
    }

    private static void waitFor(String what, int seconds, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private static double temperature(PrinterHost host, String heater) {
        return ((Number) host.queryStatus(heater, null).get("temperature")).doubleValue();
    }

    private static String firstLine(String message) {
        return message.lines().findFirst().orElse("");
    }

    /** The host shuts down with {@code message}; the board follows (the host's emergency stop, or its own check). */
    private static void assertShutdown(PrinterHost host, String message) throws InterruptedException {
        waitFor("the shutdown", 30, () -> host.getState() == PrinterState.SHUTDOWN);
        assertEquals(message, firstLine(host.getStateMessage()));
    }

    @Test
    void m109HeatsHoldsAndReturnsAndM105ReportsInKlippersFormat() throws Exception {
        PrinterHost host = start(HOTEND);
        waitFor("a first reading", 10, () -> temperature(host, "heater_generic extruder") > 20.);
        assertTrue(host.runGCode("M105").get(0).matches("T0:2\\d\\.\\d /0\\.0"), host.runGCode("M105").toString());

        List<String> output = host.runGCode("M109 S200");

        // M109 reports the temperature while it waits, and returns once settled at the target
        assertTrue(output.stream().anyMatch(l -> l.matches("T0:\\d+\\.\\d /200\\.0")), output.toString());
        // settled by the host's own rule (smoothed temperature within 1 C, slope under 0.1 C/s);
        // a single reading may still be off by a degree or two
        assertEquals(200., temperature(host, "heater_generic extruder"), 4.0);
        double lo = 1000;
        double hi = -1000;
        for (int i = 0; i < 20; i++) {
            Thread.sleep(200);
            double t = board.temperature("PD0");
            lo = Math.min(lo, t);
            hi = Math.max(hi, t);
        }
        // within verify_heater's hysteresis (5 C) of the target
        assertTrue(lo > 195. && hi < 205., "the board's hotend holds 200: " + lo + ".." + hi);
        assertTrue(host.runGCode("M105").get(0).matches("T0:(19[5-9]|20[0-4])\\.\\d /200\\.0"),
                host.runGCode("M105").toString());
        assertEquals(PrinterState.READY, host.getState(), host.getStateMessage());
    }

    @Test
    void aHeaterThatCannotReachItsTargetShutsThePrinterDown() throws Exception {
        PrinterHost host = start("[heater_generic weak]\nheater_pin: PD1\nsensor_pin: PA1\n"
                + "sensor_type: EPCOS 100K B57560G104F\ncontrol: watermark\nmin_temp: 0\nmax_temp: 250\n\n"
                + "[verify_heater weak]\ncheck_gain_time: 2\n");
        host.runGCode("SET_HEATER_TEMPERATURE HEATER=weak TARGET=100");
        assertShutdown(host, "Heater weak not heating at expected rate");
        waitFor("the board's heater pin off", 10, () -> board.output("PD1") == 0.);
    }

    @Test
    void aThermistorThatOpensShutsTheBoardAndThePrinterDown() throws Exception {
        PrinterHost host = start(HOTEND);
        host.runGCode("M104 S100");
        board.breakSensor("PA0", true);
        assertShutdown(host, "MCU 'mcu' shutdown: ADC out of range");
        waitFor("the board's heater pin off", 10, () -> board.output("PD0") == 0.);
    }

    @Test
    void aThermistorThatShortsShutsTheBoardAndThePrinterDown() throws Exception {
        PrinterHost host = start(HOTEND);
        host.runGCode("M104 S100");
        board.breakSensor("PA0", false);
        assertShutdown(host, "MCU 'mcu' shutdown: ADC out of range");
        waitFor("the board's heater pin off", 10, () -> board.output("PD0") == 0.);
    }

    @Test
    void aHeaterThatFailsAfterReachingItsTargetShutsThePrinterDown() throws Exception {
        PrinterHost host = start(HOTEND);
        host.runGCode("M104 S150");
        // within verify_heater's hysteresis (5 C) of the target counts as reached
        waitFor("the target", 60, () -> temperature(host, "heater_generic extruder") > 148.);
        assertEquals(PrinterState.READY, host.getState(), host.getStateMessage());
        board.killHeater("PD0");
        assertShutdown(host, "Heater extruder not heating at expected rate");
        waitFor("the board's heater pin off", 10, () -> board.output("PD0") == 0.);
    }
}
