/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.manualstepper.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.motion.ToolheadMove;
import org.klipper4j.testkit.FakeConfig;
import org.klipper4j.testkit.FakeGCode;
import org.klipper4j.testkit.FakeMotionQueuing;
import org.klipper4j.testkit.FakePrinter;
import org.klipper4j.testkit.FakeToolhead;

/** MANUAL_STEPPER ... GCODE_AXIS=: the stepper as an extra axis of the toolhead. */
class GcodeAxisTest {
    private static final double EPS = 1e-9;

    private final FakePrinter printer = new FakePrinter();
    private final FakeGCode gcode = new FakeGCode();
    private final FakeMotionQueuing motion = new FakeMotionQueuing();
    private final FakeToolhead toolhead = new FakeToolhead();
    private ManualStepper stepper;

    @BeforeEach
    void setUp() {
        printer.addObject("gcode", gcode);
        printer.addObject("motion_queuing", motion);
        toolhead.printTime = 1.0;
        printer.addObject("toolhead", toolhead);
        stepper = new ManualStepper(FakeConfig.of(printer, "manual_stepper basic", "step_pin", "PF0",
                "accel", "500", "position_max", "50"));
    }

    @Test
    void registeringAddsTheStepperAtItsPositionAndUnregisteringRemovesIt() {
        assertNull(gcode.run("MANUAL_STEPPER STEPPER=basic SET_POSITION=7"));
        assertNull(gcode.run("MANUAL_STEPPER STEPPER=basic GCODE_AXIS=a"));
        assertEquals(List.of(stepper), toolhead.extraAxes);
        assertEquals(List.of(7.), toolhead.extraAxisPositions);
        assertEquals("A", stepper.getAxisGcodeId());
        assertEquals("Must unregister from gcode axis first", gcode.run("MANUAL_STEPPER STEPPER=basic MOVE=1"));
        assertEquals("Must unregister axis first", gcode.run("MANUAL_STEPPER STEPPER=basic GCODE_AXIS=B"));
        assertNull(gcode.run("MANUAL_STEPPER STEPPER=basic GCODE_AXIS="));
        assertEquals(List.of(), toolhead.extraAxes);
        assertNull(stepper.getAxisGcodeId());
        // unregistering again is no error
        assertNull(gcode.run("MANUAL_STEPPER STEPPER=basic GCODE_AXIS="));
    }

    @Test
    void axisLettersOfTheGcodeAndTakenLettersAreRefused() {
        assertEquals("Not a valid GCODE_AXIS", gcode.run("MANUAL_STEPPER STEPPER=basic GCODE_AXIS=E"));
        assertEquals("Not a valid GCODE_AXIS", gcode.run("MANUAL_STEPPER STEPPER=basic GCODE_AXIS=AB"));
        assertEquals("Not a valid GCODE_AXIS", gcode.run("MANUAL_STEPPER STEPPER=basic GCODE_AXIS=1"));
        ManualStepper other = new ManualStepper(FakeConfig.of(printer, "manual_stepper other", "step_pin", "PF6"));
        assertNull(gcode.run("MANUAL_STEPPER STEPPER=other GCODE_AXIS=A"));
        assertEquals("Axis 'A' already registered", gcode.run("MANUAL_STEPPER STEPPER=basic GCODE_AXIS=A"));
        assertEquals("A", other.getAxisGcodeId());
    }

    @Test
    void theAxisPartOfAMoveIsOneTrapezoidScaledByItsAxisRatio() {
        // 2 mm of X with 10 mm of the axis: ratio 5
        TestMove move = new TestMove(new double[] {20., 0., 0., 0., 3.}, new double[] {22., 0., 0., 0., 13.});
        stepper.processMove(4.0, move, 4);
        FakeMotionQueuing.Append a = motion.appends.get(0);
        assertEquals(4.0, a.printTime(), EPS);
        assertEquals(0.1, a.accelT(), EPS);
        assertEquals(0.2, a.cruiseT(), EPS);
        assertEquals(0.3, a.decelT(), EPS);
        assertEquals(3.0, a.startX(), EPS);
        assertEquals(1.0, a.axisR(), EPS);
        assertEquals(25.0, a.cruiseV(), EPS);
        assertEquals(13.0, stepper.getPosition(), EPS);
    }

    @Test
    void checkMoveLimitsSpeedByTheAxisRatioAndRefusesPositionsOutOfRange() {
        gcode.run("MANUAL_STEPPER STEPPER=basic GCODE_AXIS=A LIMIT_VELOCITY=10 LIMIT_ACCEL=100");
        TestMove move = new TestMove(new double[] {20., 0., 0., 0., 0.}, new double[] {22., 0., 0., 0., 10.});
        stepper.checkMove(move, 4);
        // the axis may go 10 mm/s: the 2 mm XY part then goes 2 mm/s
        assertEquals(List.of(2.0, 20.0), move.limits);
        TestMove outOfRange = new TestMove(new double[5], new double[] {1., 0., 0., 0., 60.});
        CommandError e = org.junit.jupiter.api.Assertions.assertThrows(CommandError.class,
                () -> stepper.checkMove(outOfRange, 4));
        assertEquals("Move out of range", e.getMessage());
    }

    @Test
    void aJunctionWhereTheAxisRatioChangesIsLimitedByTheCornerVelocity() {
        gcode.run("MANUAL_STEPPER STEPPER=basic GCODE_AXIS=A INSTANTANEOUS_CORNER_VELOCITY=2");
        TestMove prev = new TestMove(new double[5], new double[] {1., 0., 0., 0., 1.});
        TestMove next = new TestMove(new double[] {1., 0., 0., 0., 1.}, new double[] {2., 0., 0., 0., 1.5});
        // ratio 1 then 0.5: (2 / 0.5)^2
        assertEquals(16.0, stepper.calcJunction(prev, next, 4), EPS);
        assertEquals(next.maxCruiseV2(), stepper.calcJunction(next, next, 4), EPS);
    }

    /** A move with fixed trapezoid times 0.1/0.2/0.3 s, start 0 and cruise 5 mm/s. */
    private static final class TestMove implements ToolheadMove {
        private final double[] start;
        private final double[] end;
        final List<Double> limits = new ArrayList<>();

        TestMove(double[] start, double[] end) {
            this.start = start;
            this.end = end;
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
            double[] d = new double[end.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = end[i] - start[i];
            }
            return d;
        }

        @Override
        public double[] axesR() {
            double[] d = axesD();
            double dist = moveDistance();
            for (int i = 0; i < d.length; i++) {
                d[i] /= dist;
            }
            return d;
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
        public void limitSpeed(double speed, double accel) {
            limits.add(speed);
            limits.add(accel);
        }

        @Override
        public void limitNextJunctionSpeed(double speed) {
        }

        @Override
        public double maxCruiseV2() {
            return 900.;
        }

        @Override
        public double accel() {
            return 3000.;
        }

        @Override
        public double accelT() {
            return 0.1;
        }

        @Override
        public double cruiseT() {
            return 0.2;
        }

        @Override
        public double decelT() {
            return 0.3;
        }

        @Override
        public double startV() {
            return 0.;
        }

        @Override
        public double cruiseV() {
            return 5.;
        }

        @Override
        public double endV() {
            return 0.;
        }

        @Override
        public CommandError moveError(String message) {
            return new CommandError(message);
        }
    }
}
