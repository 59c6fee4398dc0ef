/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.toolhead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.core.internal.toolhead.MotionFakes.BoxKinematics;
import org.klipper4j.core.internal.toolhead.MotionFakes.FakePrinter;
import org.klipper4j.testkit.FakeGCode;

/** SET_VELOCITY_LIMIT, M204 and G4 as Klipper's toolhead answers them. */
class ToolheadCommandsTest {
    private static final String CFG = "[printer]\nkinematics: box\nmax_velocity: 500\nmax_accel: 3000\n";

    @TempDir
    Path dir;

    private final FakePrinter printer = new FakePrinter();
    private final FakeGCode gcode = new FakeGCode();

    private ToolheadImpl toolhead(String cfg) throws Exception {
        KinematicsRegistry reg = new KinematicsRegistry();
        reg.register("box", (th, config) -> new BoxKinematics());
        ToolheadImpl th = new ToolheadImpl(MotionFakes.printerSection(printer, dir, cfg), reg);
        new ToolheadCommands(th, gcode);
        return th;
    }

    private static Object status(ToolheadImpl th, String field) {
        return th.getStatus(0.).get(field);
    }

    @Test
    void setVelocityLimitWithoutParametersReportsTheLimits() throws Exception {
        toolhead(CFG + "square_corner_velocity: 8\n");

        assertNull(gcode.run("SET_VELOCITY_LIMIT"));

        assertEquals(List.of("// max_velocity: 500.000000", "// max_accel: 3000.000000",
                "// minimum_cruise_ratio: 0.500000", "// square_corner_velocity: 8.000000"), gcode.output);
    }

    @Test
    void setVelocityLimitChangesOnlyTheGivenLimitsSilently() throws Exception {
        ToolheadImpl th = toolhead(CFG);

        assertNull(gcode.run("SET_VELOCITY_LIMIT VELOCITY=200 MINIMUM_CRUISE_RATIO=0.2"));

        assertTrue(gcode.output.isEmpty(), gcode.output.toString());
        assertEquals(200., status(th, "max_velocity"));
        assertEquals(3000., status(th, "max_accel"));
        assertEquals(0.2, status(th, "minimum_cruise_ratio"));
        assertEquals(5., status(th, "square_corner_velocity"));
    }

    @Test
    void setVelocityLimitRefusesOutOfRangeValues() throws Exception {
        toolhead(CFG);

        assertEquals("Error on 'SET_VELOCITY_LIMIT MINIMUM_CRUISE_RATIO=1': MINIMUM_CRUISE_RATIO must be below 1.0",
                gcode.run("SET_VELOCITY_LIMIT MINIMUM_CRUISE_RATIO=1"));
        assertEquals("Error on 'SET_VELOCITY_LIMIT ACCEL=0': ACCEL must be above 0.0",
                gcode.run("SET_VELOCITY_LIMIT ACCEL=0"));
    }

    @Test
    void m204SetsTheAccelFromSOrTheSmallerOfPAndT() throws Exception {
        ToolheadImpl th = toolhead(CFG);

        gcode.run("M204 S1200");
        assertEquals(1200., status(th, "max_accel"));
        gcode.run("M204 P800 T900");
        assertEquals(800., status(th, "max_accel"));
        gcode.run("M204 P500");
        assertEquals(800., status(th, "max_accel"));
        assertEquals("// Invalid M204 command \"M204 P500\"", gcode.output.get(gcode.output.size() - 1));
    }

    @Test
    void g4WaitsMillisecondsAndRefusesNegativeTimes() throws Exception {
        ToolheadImpl th = toolhead(CFG);
        double before = th.getLastMoveTime();

        gcode.run("G4 P1500");

        assertEquals(before + 1.5, th.getLastMoveTime(), 1e-9);
        assertEquals("Error on 'G4 P-1': P must have minimum of 0.0", gcode.run("G4 P-1"));
    }
}
