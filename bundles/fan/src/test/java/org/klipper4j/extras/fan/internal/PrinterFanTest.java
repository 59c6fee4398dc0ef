/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.fan.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.klipper4j.testkit.FakeDigitalOut;
import org.klipper4j.testkit.FakePwm;
import org.klipper4j.testkit.FakePwm.Update;
import org.klipper4j.testkit.TestPrinter;

class PrinterFanTest {
    private final TestPrinter bench = new TestPrinter(true);
    private PrinterFan fan;

    private FakePwm load(String... options) {
        fan = (PrinterFan) new FanModule().load(bench.config("fan", options));
        bench.connect();
        return (FakePwm) bench.mcu.pins.get(0);
    }

    @Test
    void pinIsSetUpAsKlipperDoes() {
        FakePwm pwm = load("pin", "PH6", "max_power", "0.5", "shutdown_speed", "0.7", "hardware_pwm", "true");
        assertEquals("PH6", pwm.params.pin());
        assertEquals(0.010, pwm.cycleTime, "default cycle_time");
        assertTrue(pwm.hardwarePwm);
        assertEquals(0., pwm.maxDuration);
        assertEquals(0., pwm.startValue);
        assertEquals(0.5, pwm.shutdownValue, "shutdown speed is capped at max_power");
    }

    @Test
    void startingFanIsKickedAtFullPowerFirst() {
        FakePwm pwm = load("pin", "PH6");
        bench.gcode.runScript("M106 S51");
        bench.mcu.flush(0.25);
        assertEquals(List.of(new Update(0.25, 1.)), pwm.updates);
        assertEquals(0.2, fan.getStatus(0).get("speed"), "status shows the requested speed during the kick");
        bench.mcu.flush(0.35);
        assertEquals(List.of(new Update(0.25, 1.), new Update(0.35, 0.2)), pwm.updates);
    }

    @Test
    void klippersFanSequenceEndingAtZeroSendsNothing() {
        // printers.test runs these back to back: all land at one print time, the last (off) wins
        FakePwm pwm = load("pin", "PH6");
        bench.gcode.runScript("M106 S50\nM106\nM106 S90\nM106 S0\nM107");
        bench.mcu.flush(10.);
        assertEquals(List.of(), pwm.updates);
        assertEquals(0., fan.getStatus(0).get("speed"));
    }

    @Test
    void maxPowerScalesAndOffBelowCutsSlowSpeeds() {
        FakePwm pwm = load("pin", "PH6", "max_power", "0.5", "off_below", "0.2", "kick_start_time", "0");
        bench.gcode.runScript("M106 S25");
        bench.mcu.flush(1.);
        assertEquals(List.of(), pwm.updates, "0.1 is below off_below");
        bench.toolhead.printTime = 2.;
        bench.gcode.runScript("M106 S204");
        bench.mcu.flush(3.);
        assertEquals(List.of(new Update(2., 0.4)), pwm.updates);
        assertEquals(0.4, fan.getStatus(0).get("speed"));
    }

    @Test
    void kickAtMaxPowerNeedsNoSecondUpdate() {
        FakePwm pwm = load("pin", "PH6", "max_power", "0.6");
        bench.gcode.runScript("M106");
        bench.mcu.flush(5.);
        assertEquals(List.of(new Update(0.25, 0.6)), pwm.updates);
    }

    @Test
    void enablePinFollowsTheFanTurningOnAndOff() {
        FakePwm pwm = load("pin", "PH6", "enable_pin", "PB7", "kick_start_time", "0");
        FakeDigitalOut enable = (FakeDigitalOut) bench.mcu.pins.get(1);
        assertEquals(0., enable.maxDuration);
        bench.gcode.runScript("M106 S255");
        bench.mcu.flush(1.);
        bench.toolhead.printTime = 2.;
        bench.gcode.runScript("M106 S128");
        bench.mcu.flush(3.);
        bench.toolhead.printTime = 4.;
        bench.gcode.runScript("M107");
        bench.mcu.flush(5.);
        assertEquals(List.of(new FakeDigitalOut.Update(0.25, true), new FakeDigitalOut.Update(4., false)),
                enable.updates);
        assertEquals(3, pwm.updates.size());
    }

    @Test
    void restartTurnsTheFanOffAtTheGivenPrintTime() {
        FakePwm pwm = load("pin", "PH6", "kick_start_time", "0");
        bench.gcode.runScript("M106");
        bench.mcu.flush(1.);
        bench.printer.sendEvent("gcode:request_restart", 7.5);
        assertEquals(List.of(new Update(0.25, 1.), new Update(7.5, 0.)), pwm.updates);
    }

    @Test
    void negativeSpeedIsRejected() {
        load("pin", "PH6");
        assertEquals("Error on 'M106 S-1': S must have minimum of 0.0", bench.gcode.run("M106 S-1"));
    }

    @Test
    void rpmComesFromTheTachometerCounter() {
        load("pin", "PH6", "tachometer_pin", "^PB1");
        assertEquals(List.of("config_counter oid=0 pin=PB1 pull_up=1",
                "init: query_counter oid=0 clock=1000 poll_ticks=24000 sample_ticks=16000000"), bench.mcu.config);
        assertEquals(0., fan.getStatus(0).get("rpm"));
        bench.mcu.deliver("counter_state", 0, Map.of("next_clock", 16_024_000L, "count", 10L,
                "count_clock", 15_000_000L));
        bench.mcu.deliver("counter_state", 0, Map.of("next_clock", 32_024_000L, "count", 110L,
                "count_clock", 32_000_000L));
        // 100 edges in 1 s: 100 * 30 / ppr 2
        assertEquals(1500., (Double) fan.getStatus(0).get("rpm"), 1e-9);
        bench.mcu.deliver("counter_state", 0, Map.of("next_clock", 48_024_000L, "count", 110L,
                "count_clock", 32_000_000L));
        assertEquals(0., (Double) fan.getStatus(0).get("rpm"), 1e-9, "no edge since the last report: stopped");
    }

    @Test
    void withoutTachometerRpmIsNull() {
        load("pin", "PH6");
        Map<String, Object> status = fan.getStatus(0);
        assertTrue(status.containsKey("rpm"));
        assertNull(status.get("rpm"));
        assertFalse(status.containsKey("value"));
    }
}
