/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.polar.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.motion.Homing;
import org.klipper4j.core.api.motion.Rail;
import org.klipper4j.core.api.motion.Toolhead;
import org.klipper4j.core.api.motion.ToolheadMove;
import org.klipper4j.kinematics.testing.MoveGcodeRun;

/** Klipper's example-polar.cfg: arm endstop at 300 (its maximum), Z 0..200, max_angular_velocity 5. */
class PolarKinematicsTest {
    @TempDir
    Path dir;
    private MoveGcodeRun run;
    private Toolhead toolhead;

    @BeforeEach
    void buildPrinter() throws Exception {
        run = new MoveGcodeRun(dir, "example-polar.cfg", "polar", new PolarKinematicsFactory());
        toolhead = run.toolhead;
    }

    /** Homes as G28 asks; records each homeRails call. */
    private List<String> home(List<Integer> requested, List<Integer> updated) {
        List<String> log = new ArrayList<>();
        toolhead.getKinematics().home(new Homing() {
            @Override
            public List<Integer> getAxes() {
                return requested;
            }

            @Override
            public void homeRails(List<Rail> rails, double[] forcepos, double[] movepos) {
                log.add(rails.get(0).getName() + " " + Arrays.toString(forcepos) + " -> "
                        + Arrays.toString(movepos));
            }

            @Override
            public void setAxes(List<Integer> a) {
                updated.addAll(a);
            }
        });
        return log;
    }

    @Test
    void homingXOrYHomesTheArmAndSetsTheAngleToZero() {
        List<Integer> updated = new ArrayList<>();
        List<String> log = home(List.of(1), updated);
        assertEquals(List.of(0, 1), updated);
        // the arm homes outward to 300 from its minimum 0, with Y (the angle) at 0
        assertEquals(List.of("stepper_arm [0.0, 0.0, NaN, NaN] -> [300.0, 0.0, NaN, NaN]"), log);
    }

    @Test
    void homingZUsesTheZRailOnly() {
        List<Integer> updated = new ArrayList<>();
        List<String> log = home(List.of(2), updated);
        assertEquals(List.of(2), updated);
        // endstop 0.5 at the bottom: start 200 - 0.5 above it
        assertEquals(List.of("stepper_z [NaN, NaN, 200.0, NaN] -> [NaN, NaN, 0.5, NaN]"), log);
    }

    @Test
    void homedAxesFollowWhatWasSet() {
        assertEquals("", toolhead.getKinematics().getStatus(0).get("homed_axes"));
        toolhead.setPosition(new double[] {300., 0., 0., 0.}, "xy");
        assertEquals("xy", toolhead.getKinematics().getStatus(0).get("homed_axes"));
        toolhead.setPosition(new double[] {300., 0., 0., 0.}, "z");
        assertEquals("xyz", toolhead.getKinematics().getStatus(0).get("homed_axes"));
        toolhead.getKinematics().clearHomingState("y");
        assertEquals("z", toolhead.getKinematics().getStatus(0).get("homed_axes"));
        assertEquals(List.of(-300., -300., 0., 0.), toolhead.getKinematics().getStatus(0).get("axis_minimum"));
        assertEquals(List.of(300., 300., 200., 0.), toolhead.getKinematics().getStatus(0).get("axis_maximum"));
    }

    @Test
    void movesNeedHomingAndStayWithinTheArmsReach() {
        CommandError e = assertThrows(CommandError.class, () -> run.move(10, 0, 0));
        assertEquals("Must home axis first: 10.000 0.000 0.000 [0.000]", e.getMessage());
        toolhead.setPosition(new double[] {300., 0., 0., 0.}, "xy");
        run.move(200, 200, 0);
        CommandError far = assertThrows(CommandError.class, () -> run.move(250, 200, 0));
        assertEquals("Move out of range: 250.000 200.000 0.000 [0.000]", far.getMessage());
        CommandError z = assertThrows(CommandError.class, () -> run.move(200, 200, 5));
        assertEquals("Must home axis first: 200.000 200.000 5.000 [0.000]", z.getMessage());
    }

    @Test
    void positionFromBedAngleAndArm() {
        double[] pos = toolhead.getKinematics().calcPosition(
                Map.of("stepper_bed", Math.PI / 2, "stepper_arm", 10., "stepper_z", 3.));
        assertArrayEquals(new double[] {0., 10., 3.}, pos, 1e-12);
    }

    @Test
    void closestDistanceToTheCentreOfASegment() {
        // passes the centre 1 away
        assertEquals(1., PolarKinematics.closestDistanceToCentre(new double[] {30, 1}, new double[] {-30, 1}), 1e-12);
        // radial move stopping 1 from the centre
        assertEquals(1., PolarKinematics.closestDistanceToCentre(new double[] {30, 0}, new double[] {1, 0}), 1e-12);
        // from the centre
        assertEquals(0., PolarKinematics.closestDistanceToCentre(new double[] {0, 0}, new double[] {300, 0}), 0.);
        // line through (30, 5) and (-30, -1): |30 * -1 - 5 * -30| / sqrt(60^2 + 6^2) = 120 / 60.2993
        assertEquals(1.990074, PolarKinematics.closestDistanceToCentre(new double[] {30, 5}, new double[] {-30, -1}),
                1e-6);
    }

    @Test
    void movesPassingCloseToTheCentreAreSlowed() {
        toolhead.setPosition(new double[] {30., 1., 0., 0.}, "xyz");
        // at 100 mm/s a move passing 1 mm from the centre would turn the bed at 100 rad/s;
        // max_angular_velocity 5 scales the toolhead's 300 mm/s and 3000 mm/s^2 by 5/100
        LimitRecorder m = new LimitRecorder(new double[] {30., 1., 0., 0.}, new double[] {-30., 1., 0., 0.}, 100.);
        toolhead.getKinematics().checkMove(m);
        assertEquals(15., m.speed, 1e-9);
        assertEquals(150., m.accel, 1e-9);
        // 20 mm away the bed turns at 5 rad/s: no limit
        LimitRecorder far = new LimitRecorder(new double[] {30., 20., 0., 0.}, new double[] {-30., 20., 0., 0.}, 100.);
        toolhead.getKinematics().checkMove(far);
        assertTrue(Double.isNaN(far.speed));
    }

    /** A move that records the limits a kinematics puts on it. */
    static final class LimitRecorder implements ToolheadMove {
        private final double[] start;
        private final double[] end;
        private final double cruiseV2;
        double speed = Double.NaN;
        double accel = Double.NaN;

        LimitRecorder(double[] start, double[] end, double speed) {
            this.start = start;
            this.end = end;
            this.cruiseV2 = speed * speed;
        }

        @Override
        public double[] startPos() {
            return start.clone();
        }

        @Override
        public double[] endPos() {
            return end.clone();
        }

        @Override
        public double[] axesD() {
            return new double[] {end[0] - start[0], end[1] - start[1], end[2] - start[2], end[3] - start[3]};
        }

        @Override
        public double[] axesR() {
            throw new UnsupportedOperationException();
        }

        @Override
        public double moveDistance() {
            double[] d = axesD();
            return Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
        }

        @Override
        public boolean isKinematicMove() {
            return true;
        }

        @Override
        public void limitSpeed(double s, double a) {
            speed = s;
            accel = a;
        }

        @Override
        public void limitNextJunctionSpeed(double s) {
        }

        @Override
        public double maxCruiseV2() {
            return cruiseV2;
        }

        @Override
        public double accel() {
            return 3000.;
        }

        @Override
        public double accelT() {
            return 0;
        }

        @Override
        public double cruiseT() {
            return 0;
        }

        @Override
        public double decelT() {
            return 0;
        }

        @Override
        public double startV() {
            return 0;
        }

        @Override
        public double cruiseV() {
            return 0;
        }

        @Override
        public double endV() {
            return 0;
        }

        @Override
        public CommandError moveError(String message) {
            return new CommandError(message);
        }
    }
}
