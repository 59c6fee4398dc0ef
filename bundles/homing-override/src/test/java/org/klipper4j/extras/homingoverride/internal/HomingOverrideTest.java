/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.homingoverride.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.motion.Kinematics;
import org.klipper4j.core.api.motion.Toolhead;
import org.klipper4j.core.api.template.GCodeTemplate;
import org.klipper4j.core.api.template.TemplateEngine;
import org.klipper4j.testkit.FakeConfig;
import org.klipper4j.testkit.FakeGCode;
import org.klipper4j.testkit.FakePrinter;

class HomingOverrideTest {
    private final FakePrinter printer = new FakePrinter();
    private final FakeGCode gcode = new FakeGCode();
    private final RecordingToolhead toolhead = new RecordingToolhead();
    private final List<String> realHoming = new ArrayList<>();

    @BeforeEach
    void setUp() {
        printer.addObject("gcode", gcode);
        printer.addObject("toolhead", toolhead);
        printer.addObject(TemplateEngine.OBJECT_NAME, new ScriptEngine());
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
        assertArrayEquals(new double[] {0, 12, 5, 3}, toolhead.lastPosition);
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

    /** Runs a template's source as G-code. */
    private final class ScriptEngine implements TemplateEngine {
        @Override
        public GCodeTemplate loadTemplate(ConfigSection config, String option) {
            return createTemplate(option, config.get(option));
        }

        @Override
        public GCodeTemplate loadTemplate(ConfigSection config, String option, String defaultSource) {
            return createTemplate(option, config.get(option, defaultSource));
        }

        @Override
        public GCodeTemplate createTemplate(String name, String source) {
            return new GCodeTemplate() {
                @Override
                public Map<String, Object> createContext() {
                    return new HashMap<>();
                }

                @Override
                public String render(Map<String, Object> context) {
                    return source;
                }

                @Override
                public void runGCodeFromCommand(Map<String, Object> context) {
                    gcode.runScriptFromCommand(source);
                }
            };
        }
    }

    private static final class RecordingToolhead implements Toolhead {
        double[] lastPosition;
        String lastHomingAxes;

        @Override
        public double[] getPosition() {
            return new double[] {10, 12, 14, 3};
        }

        @Override
        public void move(double[] newpos, double speed) {
        }

        @Override
        public void setPosition(double[] newpos, String homingAxes) {
            lastPosition = newpos.clone();
            lastHomingAxes = homingAxes;
        }

        @Override
        public void manualMove(double[] coord, double speed) {
        }

        @Override
        public void dwell(double delay) {
        }

        @Override
        public void waitMoves() {
        }

        @Override
        public double getLastMoveTime() {
            return 0;
        }

        @Override
        public void registerLookaheadCallback(DoubleConsumer callback) {
        }

        @Override
        public double[] getMaxVelocity() {
            return new double[] {300, 3000};
        }

        @Override
        public Kinematics getKinematics() {
            return null;
        }
    }
}
