/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.outputpin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.testkit.FakeConfig;
import org.klipper4j.testkit.FakeDigitalOut;
import org.klipper4j.testkit.FakePwm;
import org.klipper4j.testkit.FakePwm.Update;
import org.klipper4j.testkit.TestPrinter;

class OutputPinTest {
    private final TestPrinter bench = new TestPrinter(true);

    private OutputPin load(String section, String... options) {
        FakeConfig config = bench.config(section, options);
        OutputPin pin = (OutputPin) new OutputPinModule().load(config);
        bench.printer.addObject(section, pin);
        return pin;
    }

    private FakePwm pwm(int index) {
        return (FakePwm) bench.mcu.pins.get(index);
    }

    @Test
    void pwmPinIsSetUpFromItsOptions() {
        OutputPin pin = load("output_pin fan2", "pin", "!PA1", "pwm", "true", "cycle_time", "0.02",
                "hardware_pwm", "True", "scale", "10", "value", "5", "shutdown_value", "2");
        FakePwm pwm = pwm(0);
        assertEquals("PA1", pwm.params.pin());
        assertTrue(pwm.params.invert());
        assertEquals(0.02, pwm.cycleTime);
        assertTrue(pwm.hardwarePwm);
        assertEquals(0., pwm.maxDuration);
        assertEquals(0.5, pwm.startValue);
        assertEquals(0.2, pwm.shutdownValue);
        assertEquals(Map.of("value", 0.5), pin.getStatus(0));
    }

    @Test
    void setPinWaitsForTheFlushOfItsPrintTime() {
        OutputPin pin = load("output_pin p", "pin", "PA1", "pwm", "true");
        bench.connect();
        bench.gcode.runScript("SET_PIN PIN=p VALUE=0.5");
        assertEquals(List.of(), pwm(0).updates);
        assertEquals(List.of(0.25), bench.toolhead.activity, "the toolhead is asked to flush to the request");
        bench.mcu.flush(0.2);
        assertEquals(List.of(), pwm(0).updates, "not yet due");
        bench.mcu.flush(0.25);
        assertEquals(List.of(new Update(0.25, 0.5)), pwm(0).updates);
        assertEquals(Map.of("value", 0.5), pin.getStatus(0));
    }

    @Test
    void requestsDueTogetherCollapseToTheLastAndRepeatsAreDropped() {
        load("output_pin p", "pin", "PA1", "pwm", "true");
        bench.connect();
        bench.gcode.runScript("SET_PIN PIN=p VALUE=0\nSET_PIN PIN=p VALUE=0.5\nSET_PIN PIN=p VALUE=0.25");
        bench.mcu.flush(1.);
        bench.toolhead.printTime = 2.;
        bench.gcode.runScript("SET_PIN PIN=p VALUE=0.25");
        bench.mcu.flush(3.);
        assertEquals(List.of(new Update(0.25, 0.25)), pwm(0).updates);
    }

    @Test
    void updatesAreAtLeastMinScheduleTimeApart() {
        load("output_pin p", "pin", "PA1", "pwm", "true");
        bench.connect();
        bench.gcode.runScript("SET_PIN PIN=p VALUE=0.5");
        bench.mcu.flush(0.25);
        bench.toolhead.printTime = 0.3;
        bench.gcode.runScript("SET_PIN PIN=p VALUE=1");
        bench.mcu.flush(0.3);
        assertEquals(1, pwm(0).updates.size(), "0.30 is too soon after 0.25");
        bench.mcu.flush(0.35);
        assertEquals(List.of(new Update(0.25, 0.5), new Update(0.35, 1.)), pwm(0).updates);
    }

    @Test
    void digitalPinTakesOnlyZeroOrOne() {
        load("output_pin led", "pin", "PB2", "value", "1");
        FakeDigitalOut out = (FakeDigitalOut) bench.mcu.pins.get(0);
        assertEquals(true, out.startValue);
        assertEquals(false, out.shutdownValue);
        assertEquals(0., out.maxDuration);
        bench.connect();
        assertEquals("Invalid pin value", bench.gcode.run("SET_PIN PIN=led VALUE=0.5"));
        bench.gcode.runScript("SET_PIN PIN=led VALUE=0");
        bench.mcu.flush(1.);
        assertEquals(List.of(new FakeDigitalOut.Update(0.25, false)), out.updates);
    }

    @Test
    void valueIsScaledAndChecked() {
        load("output_pin p", "pin", "PA1", "pwm", "true", "scale", "10");
        bench.connect();
        assertEquals("Error on 'SET_PIN PIN=p VALUE=11': VALUE must have maximum of 10.0",
                bench.gcode.run("SET_PIN PIN=p VALUE=11"));
        bench.gcode.runScript("SET_PIN PIN=p VALUE=2.5");
        bench.mcu.flush(1.);
        assertEquals(List.of(new Update(0.25, 0.25)), pwm(0).updates);
    }

    @Test
    void setPinNeedsExactlyOneOfValueAndTemplate() {
        load("output_pin p", "pin", "PA1", "pwm", "true");
        bench.connect();
        assertEquals("SET_PIN command must specify VALUE or TEMPLATE", bench.gcode.run("SET_PIN PIN=p"));
        assertEquals("SET_PIN command must specify VALUE or TEMPLATE",
                bench.gcode.run("SET_PIN PIN=p VALUE=1 TEMPLATE=t"));
        assertEquals("Unknown display_template 'glow'", bench.gcode.run("SET_PIN PIN=p TEMPLATE=glow"));
        assertEquals(null, bench.gcode.run("SET_PIN PIN=p TEMPLATE="), "an empty template switches templates off");
    }

    @Test
    void withoutAToolheadTheValueGoesOutAtOnceAheadOfTheMcuClock() {
        TestPrinter noMotion = new TestPrinter(false);
        new OutputPinModule().load(noMotion.config("output_pin p", "pin", "PA1", "pwm", "true"));
        noMotion.connect();
        noMotion.printer.reactor().advance(2.);
        noMotion.gcode.runScript("SET_PIN PIN=p VALUE=0.5");
        FakePwm pwm = (FakePwm) noMotion.mcu.pins.get(0);
        assertEquals(1, pwm.updates.size());
        assertEquals(2.1, pwm.updates.get(0).printTime(), 1e-9, "estimated print time of now + 0.1 s");
    }

    @Test
    void configValuesAreChecked() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> load("output_pin p", "pin", "PA1", "value", "2"));
        assertEquals("Option 'value' in section 'output_pin p' must have maximum of 1.0", e.getMessage());
        e = assertThrows(ConfigException.class,
                () -> load("output_pin q", "pin", "PA1", "pwm", "true", "cycle_time", "4"));
        assertEquals("Option 'cycle_time' in section 'output_pin q' must have maximum of 3.0", e.getMessage());
        e = assertThrows(ConfigException.class, () -> load("output_pin r", "pwm", "true"));
        assertEquals("Option 'pin' in section 'output_pin r' must be specified", e.getMessage());
    }

    @Test
    void optionsKlipperMovedToOtherSectionsAreNotRead() {
        FakeConfig config = bench.config("output_pin p", "pin", "PA1", "pwm", "true",
                "maximum_mcu_duration", "1", "static_value", "1");
        new OutputPinModule().load(config);
        // unread options are config errors in the host, as in Klipper since these moved to pwm_tool
        assertEquals(List.of("maximum_mcu_duration", "static_value"), config.unused());
    }
}
