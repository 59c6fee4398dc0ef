/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.safezhome.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.motion.Homing;
import org.klipper4j.core.api.motion.Kinematics;
import org.klipper4j.core.api.motion.Stepper;
import org.klipper4j.core.api.motion.ToolheadMove;
import org.klipper4j.testkit.FakeConfig;
import org.klipper4j.testkit.FakeGCode;
import org.klipper4j.testkit.FakePrinter;
import org.klipper4j.testkit.FakeToolhead;

class SafeZHomeTest {
    private final FakePrinter printer = new FakePrinter();
    private final FakeGCode gcode = new FakeGCode();
    private final List<String> log = new ArrayList<>();
    private final double[] position = {10, 20, 30, 0};
    private String homed = "";

    @BeforeEach
    void setUp() throws Exception {
        printer.addObject("gcode", gcode);
        printer.addObject("toolhead", new LoggingToolhead());
        gcode.registerCommand("G28", cmd -> {
            String axes = String.join("", cmd.getCommandParameters().keySet()).toLowerCase();
            log.add("home " + axes);
            homed += axes;
        }, null);
    }

    private void load(String... options) throws Exception {
        new SafeZHome(FakeConfig.of(printer, "safe_z_home", options));
        printer.sendEvent(PrinterEvents.CONNECT);
    }

    @Test
    void homesXyThenZAtTheSafePosition() throws Exception {
        load("home_xy_position", "100, 50", "speed", "80", "z_hop", "5", "move_to_previous", "true");
        assertNull(gcode.run("G28"));
        assertEquals(List.of("set z=0.0 homed z", "move [NaN, NaN, 5.0] at 15.0", "clear z", "home xy",
                "move [100.0, 50.0, NaN] at 80.0", "home z", "move [10.0, 20.0, NaN] at 80.0"), log);
    }

    @Test
    void zAloneNeedsXyHomed() throws Exception {
        load("home_xy_position", "100,50");
        assertEquals("Must home X and Y axes first", gcode.run("G28 Z"));
        homed = "xy";
        log.clear();
        assertNull(gcode.run("G28 Z"));
        assertEquals(List.of("move [100.0, 50.0, NaN] at 50.0", "home z"), log);
    }

    @Test
    void positionNeedsTwoValues() {
        org.junit.jupiter.api.Assertions.assertThrows(org.klipper4j.core.api.ConfigException.class,
                () -> load("home_xy_position", "100"));
    }

    /** Logs position changes and moves; its position stays where the test put it. */
    private final class LoggingToolhead extends FakeToolhead {
        LoggingToolhead() {
            position = SafeZHomeTest.this.position;
            kinematics = new HomedKinematics();
        }

        @Override
        public void setPosition(double[] newpos, String homingAxes) {
            log.add("set z=" + newpos[2] + " homed " + homingAxes);
        }

        @Override
        public void manualMove(double[] coord, double speed) {
            log.add("move " + Arrays.toString(coord) + " at " + speed);
        }
    }

    /** Reports the axes the test's G28 homed and logs what is cleared. */
    private final class HomedKinematics implements Kinematics {
        @Override
        public Map<String, Object> getStatus(double eventtime) {
            return Map.of("homed_axes", homed);
        }

        @Override
        public List<Stepper> getSteppers() {
            return List.of();
        }

        @Override
        public double[] calcPosition(Map<String, Double> stepperPositions) {
            return new double[3];
        }

        @Override
        public void setPosition(double[] newpos, String homingAxes) {
        }

        @Override
        public void clearHomingState(String axes) {
            log.add("clear " + axes);
        }

        @Override
        public void checkMove(ToolheadMove move) {
        }

        @Override
        public void home(Homing homing) {
        }
    }
}
