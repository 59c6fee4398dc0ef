/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.gcodemacro.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.testkit.FakeConfig;
import org.klipper4j.testkit.FakeGCode;
import org.klipper4j.testkit.FakePrinter;

/** {@code [delayed_gcode NAME]}: initial_duration, UPDATE_DELAYED_GCODE, repeating. */
class DelayedGCodeTest {

    private FakePrinter printer;
    private FakeGCode gcode;

    @BeforeEach
    void setUp() {
        printer = new FakePrinter();
        gcode = new FakeGCode();
        printer.addObject("gcode", gcode);
        printer.addModule("gcode_macro", new GCodeMacroModule());
    }

    private void delayed(String name, String... options) {
        new DelayedGCodeModule().load(FakeConfig.of(printer, "delayed_gcode " + name, options));
    }

    @Test
    void initialDurationRunsOnceAfterReady() {
        delayed("boot", "initial_duration", "2.5", "gcode", "M117 booted {1 + 1}");
        printer.sendEvent(PrinterEvents.READY);
        printer.reactor().runFor(2.0);
        assertEquals(List.of(), gcode.executed);
        printer.reactor().runFor(1.0);
        assertEquals(List.of("M117 booted 2"), gcode.executed);
        printer.reactor().runFor(10.0);
        assertEquals(1, gcode.executed.size());
    }

    @Test
    void withoutInitialDurationNothingRunsUntilUpdated() {
        delayed("later", "gcode", "M400");
        printer.sendEvent(PrinterEvents.READY);
        printer.reactor().runFor(100.0);
        assertEquals(List.of(), gcode.executed);
        assertNull(gcode.run("UPDATE_DELAYED_GCODE ID=later DURATION=1"));
        printer.reactor().runFor(1.5);
        assertEquals(List.of("UPDATE_DELAYED_GCODE ID=later DURATION=1", "M400"), gcode.executed);
    }

    @Test
    void updatingFromItsOwnGCodeRepeats() {
        delayed("tick", "initial_duration", "1", "gcode", "M117 tick\nUPDATE_DELAYED_GCODE ID=tick DURATION=1");
        printer.sendEvent(PrinterEvents.READY);
        printer.reactor().runFor(3.5);
        assertEquals(3, gcode.executed.stream().filter("M117 tick"::equals).count());
        assertNull(gcode.run("UPDATE_DELAYED_GCODE ID=tick DURATION=0"));
        printer.reactor().runFor(5);
        assertEquals(3, gcode.executed.stream().filter("M117 tick"::equals).count());
    }

    @Test
    void durationMustNotBeNegative() {
        delayed("x", "gcode", "M400");
        printer.sendEvent(PrinterEvents.READY);
        String error = gcode.run("UPDATE_DELAYED_GCODE ID=x DURATION=-1");
        assertEquals(true, error.contains("DURATION must have minimum of 0"), error);
    }
}
