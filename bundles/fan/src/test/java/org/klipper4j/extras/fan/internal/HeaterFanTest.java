/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.fan.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.testkit.FakePwm;
import org.klipper4j.testkit.FakePwm.Update;
import org.klipper4j.testkit.FakeReactor;
import org.klipper4j.testkit.TestPrinter;

class HeaterFanTest {
    private final TestPrinter bench = new TestPrinter(true);
    private final FakeReactor reactor = bench.printer.reactor();
    private final FakeStatus extruder = FakeStatus.heater(20., 0.);

    private FakePwm start(String... options) {
        bench.printer.addObject("extruder", extruder);
        new HeaterFanModule().load(bench.config("heater_fan hotend", options));
        bench.connect();
        bench.printer.sendEvent(PrinterEvents.READY);
        return (FakePwm) bench.mcu.pins.get(0);
    }

    /** Lets one second pass: the once-a-second check (first at ready + 0.1 s) runs once, at its own time. */
    private void tick() {
        reactor.pause(reactor.monotonic() + 1.);
    }

    /** Estimated print time of the check that ran in the last tick: 0.9 s before the tick ended. */
    private double lastCheckPrintTime() {
        return reactor.monotonic() - 0.9 - 1000.;
    }

    private static void assertUpdate(double printTime, double value, Update actual) {
        assertEquals(printTime, actual.printTime(), 1e-9);
        assertEquals(value, actual.value());
    }

    @Test
    void runsWhileTheHeaterIsOnOrHot() {
        FakePwm pwm = start("pin", "PA1", "fan_speed", "0.8", "kick_start_time", "0");
        assertEquals(1., pwm.shutdownValue, "a heater fan runs on shutdown by default");
        tick();
        assertEquals(List.of(), pwm.updates, "cold and off");
        extruder.status.put("target", 200.);
        tick();
        // set as soon as the MCU can: estimated print time of the check + 0.1 s
        double now = lastCheckPrintTime();
        assertEquals(1, pwm.updates.size());
        assertUpdate(now + 0.1, 0.8, pwm.updates.get(0));
        extruder.status.put("target", 0.);
        extruder.status.put("temperature", 60.);
        tick();
        assertEquals(1, pwm.updates.size(), "still above heater_temp");
        extruder.status.put("temperature", 49.);
        tick();
        now = lastCheckPrintTime();
        assertUpdate(now + 0.1, 0., pwm.updates.get(1));
    }

    @Test
    void kickStartRunsAtFullPowerFirst() {
        FakePwm pwm = start("pin", "PA1", "fan_speed", "0.5");
        extruder.status.put("target", 200.);
        tick();
        assertEquals(2, pwm.updates.size());
        assertEquals(1., pwm.updates.get(0).value());
        assertEquals(0.5, pwm.updates.get(1).value());
        assertEquals(0.1, pwm.updates.get(1).printTime() - pwm.updates.get(0).printTime(), 1e-9);
    }

    @Test
    void heaterGenericIsFoundByItsShortName() {
        FakeStatus chamber = FakeStatus.heater(70., 0.);
        bench.printer.addObject("heater_generic chamber", chamber);
        FakePwm pwm = start("pin", "PA1", "heater", "chamber", "heater_temp", "65", "kick_start_time", "0");
        tick();
        assertEquals(1., pwm.updates.get(0).value());
    }

    @Test
    void unknownHeaterIsAConfigError() {
        ConfigException e = assertThrows(ConfigException.class, () -> start("pin", "PA1", "heater", "nozzle2"));
        assertEquals("Unknown heater 'nozzle2'", e.getMessage());
    }
}
