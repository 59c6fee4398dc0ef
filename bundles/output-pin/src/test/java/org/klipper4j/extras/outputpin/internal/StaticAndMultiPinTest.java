/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.outputpin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.testkit.FakeDigitalOut;
import org.klipper4j.testkit.FakePwm;
import org.klipper4j.testkit.TestPrinter;

class StaticAndMultiPinTest {
    private final TestPrinter bench = new TestPrinter(true);

    private void loadMultiPin(String name, String pins) {
        bench.printer.addObject("multi_pin " + name,
                new MultiPinModule().load(bench.config("multi_pin " + name, "pins", pins)));
    }

    @Test
    void staticDigitalOutputSetsEachPinInTheMcuConfig() {
        new StaticDigitalOutputModule().load(bench.config("static_digital_output leds", "pins", "PA1, !PA2,"));
        assertEquals(List.of("set_digital_out pin=PA1 value=1", "set_digital_out pin=PA2 value=0"), bench.mcu.config);
        assertEquals(List.of(), bench.mcu.pins, "no pin objects, no oids");
    }

    @Test
    void multiPinFansAPwmOutOverItsPins() {
        loadMultiPin("pair", "PA1, !PA2");
        new OutputPinModule().load(bench.config("output_pin both", "pin", "multi_pin:pair", "pwm", "true",
                "cycle_time", "0.05", "value", "0.5"));
        bench.connect();
        FakePwm first = (FakePwm) bench.mcu.pins.get(0);
        FakePwm second = (FakePwm) bench.mcu.pins.get(1);
        assertFalse(first.params.invert());
        assertTrue(second.params.invert());
        for (FakePwm pwm : List.of(first, second)) {
            assertEquals(0.05, pwm.cycleTime);
            assertEquals(0.5, pwm.startValue);
        }
        bench.gcode.runScript("SET_PIN PIN=both VALUE=1");
        bench.mcu.flush(1.);
        assertEquals(List.of(new FakePwm.Update(0.25, 1.)), first.updates);
        assertEquals(List.of(new FakePwm.Update(0.25, 1.)), second.updates);
    }

    @Test
    void anInvertedMultiPinInvertsEachPin() {
        loadMultiPin("pair", "PA1, PA2");
        new OutputPinModule().load(bench.config("output_pin both", "pin", "!multi_pin:pair"));
        assertTrue(((FakeDigitalOut) bench.mcu.pins.get(0)).params.invert());
        assertTrue(((FakeDigitalOut) bench.mcu.pins.get(1)).params.invert());
    }

    @Test
    void eachMultiPinSectionServesItsOwnName() {
        loadMultiPin("a", "PA1");
        loadMultiPin("b", "PB1, PB2");
        new OutputPinModule().load(bench.config("output_pin pb", "pin", "multi_pin:b"));
        assertEquals(List.of("PB1", "PB2"), bench.mcu.pins.stream()
                .map(p -> ((FakeDigitalOut) p).params.pin()).toList());
    }

    @Test
    void multiPinErrorsNameThePin() {
        loadMultiPin("a", "PA1");
        new OutputPinModule().load(bench.config("output_pin one", "pin", "multi_pin:a"));
        ConfigException twice = assertThrows(ConfigException.class,
                () -> new OutputPinModule().load(bench.config("output_pin two", "pin", "multi_pin:a")));
        assertEquals("Can't setup multi_pin a twice", twice.getMessage());
        ConfigException missing = assertThrows(ConfigException.class,
                () -> new OutputPinModule().load(bench.config("output_pin three", "pin", "multi_pin:zz")));
        assertEquals("multi_pin zz not configured", missing.getMessage());
    }
}
