/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.homingoverride.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.template.TemplateEngine;
import org.klipper4j.testkit.FakeConfig;
import org.klipper4j.testkit.FakeGCode;
import org.klipper4j.testkit.FakePrinter;
import org.klipper4j.testkit.FakeTemplateEngine;
import org.klipper4j.testkit.FakeToolhead;

class HomingOverrideTest {
    private final FakePrinter printer = new FakePrinter();
    private final FakeGCode gcode = new FakeGCode();
    private final FakeToolhead toolhead = new FakeToolhead();
    private final List<String> realHoming = new ArrayList<>();

    @BeforeEach
    void setUp() {
        toolhead.position = new double[] {10, 12, 14, 3};
        printer.addObject("gcode", gcode);
        printer.addObject("toolhead", toolhead);
        printer.addObject(TemplateEngine.OBJECT_NAME, new FakeTemplateEngine(gcode));
        gcode.registerCommand("G28", cmd -> realHoming.add(cmd.getCommandline()), null);
        gcode.registerCommand("G92", cmd -> { }, null);
    }

    private void load(String... options) throws Exception {
        new HomingOverride(FakeConfig.of(printer, "homing_override", options));
        printer.sendEvent(PrinterEvents.CONNECT);
    }

    @Test
    void g28RunsTheScriptAfterSettingTheConfiguredPositions() throws Exception {
        load("axes", "xyz", "set_position_x", "0", "set_position_z", "5", "gcode", "G92 X0\nG28 Y");
        assertNull(gcode.run("G28"));
        assertArrayEquals(new double[] {0, 12, 5, 3}, toolhead.lastSetPosition);
        assertEquals("xz", toolhead.lastHomingAxes);
        assertEquals(List.of("G28 Y"), realHoming, "G28 inside the script homes for real");
        assertEquals(List.of("G28", "G92 X0", "G28 Y"), gcode.executed);
    }

    @Test
    void axesNotOverriddenHomeNormally() throws Exception {
        load("axes", "z", "gcode", "G92 Z0");
        assertNull(gcode.run("G28 X Y"));
        assertEquals(List.of("G28 X Y"), realHoming);
        assertNull(toolhead.lastHomingAxes);
        assertNull(gcode.run("G28 X Z"));
        assertEquals(List.of("G28 X Y"), realHoming, "Z is overridden: the script runs instead");
        assertEquals("", toolhead.lastHomingAxes);
    }
}
