/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.winch.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.motion.Toolhead;
import org.klipper4j.core.api.motion.TrapMove;
import org.klipper4j.kinematics.testing.MoveGcodeRun;

/**
 * Klipper's example-winch.cfg: anchors a (0, -2000, -100), b (2000, 1000, -100),
 * c (-2000, 1000, -100), d (0, 0, 3000); a cable's length is the distance from
 * its anchor to the toolhead.
 */
class WinchKinematicsTest {
    @TempDir
    Path dir;
    private MoveGcodeRun run;
    private Toolhead toolhead;

    @BeforeEach
    void buildPrinter() throws Exception {
        run = new MoveGcodeRun(dir, "example-winch.cfg", "winch", new WinchKinematicsFactory());
        toolhead = run.toolhead;
    }

    @Test
    void cableLengthIsTheDistanceToTheAnchor() {
        // 3-4-12-13: anchor at the origin, toolhead at (3, 4, 12)
        WinchStepperKinematics sk = new WinchStepperKinematics(0., 0., 0.);
        TrapMove m = new TrapMove();
        m.startX = 3.;
        m.startY = 4.;
        m.startZ = 12.;
        m.moveT = 1.;
        assertEquals(13., sk.calcPosition(m, 0.), 1e-12);
        assertEquals(13., new WinchStepperKinematics(6., 8., 24.).cableLength(3., 4., 12.), 1e-12);
    }

    @Test
    void allFourAnchorsGetAStepper() {
        assertEquals(List.of("stepper_a", "stepper_b", "stepper_c", "stepper_d"),
                toolhead.getKinematics().getSteppers().stream().map(s -> s.getName()).toList());
        // at the origin the d cable hangs 3000 straight down
        assertEquals(3000., toolhead.getKinematics().getSteppers().get(3).getCommandedPosition(), 1e-9);
    }

    @Test
    void positionFromTheFirstThreeCablesIsTheSolutionBelowTheirAnchors() {
        // cables for the toolhead at (0, 0, 0): a sqrt(2000^2 + 100^2), b and c sqrt(2000^2 + 1000^2 + 100^2).
        // As Klipper's trilateration, the answer is the one below the anchors' plane (z = -100):
        // the mirror image of z = 0, at z = -200
        double a = Math.sqrt(2000. * 2000. + 100. * 100.);
        double bc = Math.sqrt(2000. * 2000. + 1000. * 1000. + 100. * 100.);
        double[] pos = toolhead.getKinematics().calcPosition(
                Map.of("stepper_a", a, "stepper_b", bc, "stepper_c", bc, "stepper_d", 3000.));
        assertArrayEquals(new double[] {0., 0., -200.}, pos, 1e-6);
    }

    @Test
    void alwaysHomedWithinTheAnchorsBox() {
        Map<String, Object> st = toolhead.getKinematics().getStatus(0);
        assertEquals("xyz", st.get("homed_axes"));
        assertEquals(List.of(-2000., -2000., -100., 0.), st.get("axis_minimum"));
        assertEquals(List.of(2000., 1000., 3000., 0.), st.get("axis_maximum"));
    }

    @Test
    void g28DeclaresTheCurrentPositionTheOrigin() throws Exception {
        toolhead.setPosition(new double[] {5., 6., 7., 0.}, "");
        run.printer.run("G28");
        assertArrayEquals(new double[] {0., 0., 0.}, java.util.Arrays.copyOf(toolhead.getPosition(), 3), 0.);
        // no range check: any move is accepted
        run.move(1500, -1500, 2500);
    }

    @Test
    void threeAnchorsAreRequired() throws Exception {
        String cfg = MoveGcodeRun.resource("example-winch.cfg").replace("[stepper_c]", "[stepper_x]");
        ConfigException e = assertThrows(ConfigException.class,
                () -> new MoveGcodeRun(dir, "winch", new WinchKinematicsFactory(), cfg));
        assertTrue(e.getMessage().contains("stepper_c"), e.getMessage());
    }
}
