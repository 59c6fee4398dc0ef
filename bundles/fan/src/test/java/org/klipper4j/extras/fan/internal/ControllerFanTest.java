/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.fan.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.testkit.FakePwm;
import org.klipper4j.testkit.FakeReactor;
import org.klipper4j.testkit.TestPrinter;

class ControllerFanTest {
    private final TestPrinter bench = new TestPrinter(true);
    private final FakeReactor reactor = bench.printer.reactor();
    private final FakeStatus extruder = FakeStatus.heater(20., 0.);
    private final FakeStatus stepperEnable = new FakeStatus();
    private final Map<String, Boolean> enabled = new LinkedHashMap<>();
    private ControllerFan fan;

    private FakePwm start(String... options) {
        enabled.put("stepper_x", false);
        enabled.put("stepper_y", false);
        bench.printer.addObject("extruder", extruder);
        bench.printer.addObject("stepper_enable", stepperEnable);
        setEnabled("stepper_x", false);
        fan = (ControllerFan) new ControllerFanModule().load(bench.config("controller_fan board", options));
        bench.connect();
        bench.printer.sendEvent(PrinterEvents.READY);
        return (FakePwm) bench.mcu.pins.get(0);
    }

    private void setEnabled(String stepper, boolean on) {
        enabled.put(stepper, on);
        stepperEnable.status.put("steppers", new LinkedHashMap<>(enabled));
    }

    private void tick() {
        reactor.pause(reactor.monotonic() + 1.);
    }

    private List<Double> values(FakePwm pwm) {
        return pwm.updates.stream().map(FakePwm.Update::value).toList();
    }

    @Test
    void runsWhileSteppersAreEnabledThenIdlesForTheTimeout() {
        FakePwm pwm = start("pin", "PH0", "fan_speed", "0.8", "idle_speed", "0.3", "idle_timeout", "2",
                "kick_start_time", "0");
        tick();
        assertEquals(List.of(), values(pwm), "nothing on at start");
        setEnabled("stepper_x", true);
        tick();
        setEnabled("stepper_x", false);
        tick();
        tick();
        tick();
        tick();
        assertEquals(List.of(0.8, 0.3, 0.), values(pwm));
        assertEquals(0., fan.getStatus(0).get("speed"));
    }

    @Test
    void aHeaterTargetKeepsItOn() {
        FakePwm pwm = start("pin", "PH0", "idle_timeout", "0", "kick_start_time", "0");
        extruder.status.put("target", 210.);
        tick();
        extruder.status.put("target", 0.);
        tick();
        assertEquals(List.of(1., 0.), values(pwm));
    }

    @Test
    void onlyTheListedSteppersCount() {
        FakePwm pwm = start("pin", "PH0", "stepper", "stepper_y", "kick_start_time", "0");
        setEnabled("stepper_x", true);
        tick();
        assertEquals(List.of(), values(pwm));
        setEnabled("stepper_y", true);
        tick();
        assertEquals(List.of(1.), values(pwm));
    }

    @Test
    void unknownStepperIsAConfigErrorListingTheValidOnes() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> start("pin", "PH0", "stepper", "stepper_q, stepper_x"));
        assertEquals("One or more of these steppers are unknown: ['stepper_q', 'stepper_x'] "
                + "(valid steppers are: stepper_x, stepper_y)", e.getMessage());
    }
}
