/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.manualstepper.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.motion.PrinterHoming;
import org.klipper4j.core.api.motion.StepperEnable;
import org.klipper4j.core.internal.toolhead.HomingCommands;
import org.klipper4j.testkit.FakeConfig;
import org.klipper4j.testkit.FakeGCode;
import org.klipper4j.testkit.FakeMotionQueuing;
import org.klipper4j.testkit.FakePrinter;
import org.klipper4j.testkit.FakeStepper;
import org.klipper4j.testkit.FakeToolhead;

class ManualStepperTest {
    private static final double EPS = 1e-9;

    private final FakePrinter printer = new FakePrinter();
    private final FakeGCode gcode = new FakeGCode();
    private final FakeMotionQueuing motion = new FakeMotionQueuing();
    private final FakeToolhead toolhead = new FakeToolhead();
    private final List<String> enableCalls = new ArrayList<>();
    private ManualStepper stepper;

    @BeforeEach
    void setUp() {
        printer.addObject("gcode", gcode);
        printer.addObject("motion_queuing", motion);
        toolhead.printTime = 1.0;
        printer.addObject("toolhead", toolhead);
        // the core's homing module runs the homing moves of STOP_ON_ENDSTOP
        printer.addObject(PrinterHoming.NAME, new HomingCommands(printer, toolhead, gcode));
        printer.addObject(StepperEnable.NAME, new StepperEnable() {
            @Override
            public void motorOff() {
            }

            @Override
            public boolean setMotorsEnable(List<String> names, boolean enable) {
                enableCalls.add(names + "=" + enable);
                return true;
            }

            @Override
            public List<String> getSteppers() {
                return List.of();
            }

            @Override
            public boolean isMotorEnabled(String name) {
                return enableCalls.contains("[" + name + "]=true");
            }
        });
        stepper = new ManualStepper(FakeConfig.of(printer, "manual_stepper basic", "step_pin", "PF0",
                "velocity", "7", "accel", "500", "position_min", "-1", "position_max", "20"));
    }

    @Test
    void aMoveIsOneTrapezoidStartingAtTheToolheadsPrintTime() {
        assertNull(gcode.run("MANUAL_STEPPER STEPPER=basic MOVE=10 SPEED=10"));

        // 10 mm at 10 mm/s, 500 mm/s^2: 0.02 s accelerating (0.1 mm), 0.98 s cruising, 0.02 s braking
        FakeMotionQueuing.Append a = motion.appends.get(0);
        assertEquals(1.0, a.printTime(), EPS);
        assertEquals(0.02, a.accelT(), EPS);
        assertEquals(0.98, a.cruiseT(), EPS);
        assertEquals(0.02, a.decelT(), EPS);
        assertEquals(0.0, a.startX(), EPS);
        assertEquals(1.0, a.axisR(), EPS);
        assertEquals(10.0, a.cruiseV(), EPS);
        // SYNC defaults to 1: the toolhead waits for the move
        assertEquals(2.02, toolhead.printTime, EPS);
        assertEquals(10.0, stepper.getPosition(), EPS);
    }

    @Test
    void theNextMoveStartsWhereTheLastEndsWithTheConfiguredSpeed() {
        gcode.run("MANUAL_STEPPER STEPPER=basic MOVE=10 SPEED=10");
        gcode.run("MANUAL_STEPPER STEPPER=basic MOVE=5");

        FakeMotionQueuing.Append a = motion.appends.get(1);
        assertEquals(2.02, a.printTime(), EPS);
        assertEquals(10.0, a.startX(), EPS);
        assertEquals(-1.0, a.axisR(), EPS);
        assertEquals(7.0, a.cruiseV(), EPS);
        assertEquals(0.014, a.accelT(), EPS);
        assertEquals((5 - 0.098) / 7, a.cruiseT(), EPS);
    }

    @Test
    void aShortMovePeaksBelowTheRequestedSpeed() {
        gcode.run("MANUAL_STEPPER STEPPER=basic MOVE=0.25 SPEED=10 ACCEL=100");

        // 0.25 mm at 100 mm/s^2 reaches only sqrt(0.25 * 100) = 5 mm/s
        FakeMotionQueuing.Append a = motion.appends.get(0);
        assertEquals(5.0, a.cruiseV(), EPS);
        assertEquals(0.05, a.accelT(), EPS);
        assertEquals(0.0, a.cruiseT(), EPS);
    }

    @Test
    void withoutSyncTheToolheadDoesNotWait() {
        gcode.run("MANUAL_STEPPER STEPPER=basic MOVE=10 SPEED=10 SYNC=0");

        assertEquals(1.0, toolhead.printTime, EPS);
        gcode.run("MANUAL_STEPPER STEPPER=basic SYNC=1");
        assertEquals(2.02, toolhead.printTime, EPS);
    }

    @Test
    void setPositionMovesFromTheNewPosition() {
        gcode.run("MANUAL_STEPPER STEPPER=basic SET_POSITION=3 MOVE=4 SPEED=1 ACCEL=0");

        FakeMotionQueuing.Append a = motion.appends.get(0);
        assertEquals(3.0, a.startX(), EPS);
        assertEquals(1.0, a.cruiseT(), EPS);
        assertEquals(0.0, a.accelT(), EPS);
        assertEquals(3.0, motion.steppers.get(0).position, EPS);
    }

    @Test
    void enableSwitchesTheStepperByItsSectionName() {
        gcode.run("MANUAL_STEPPER STEPPER=basic ENABLE=1");
        gcode.run("MANUAL_STEPPER STEPPER=basic ENABLE=0");

        assertEquals(List.of("[manual_stepper basic]=true", "[manual_stepper basic]=false"), enableCalls);
    }

    @Test
    void movesOutsideTheConfiguredRangeAreRefused() {
        assertEquals("Move out of range", gcode.run("MANUAL_STEPPER STEPPER=basic MOVE=21"));
        assertEquals("Move out of range", gcode.run("MANUAL_STEPPER STEPPER=basic MOVE=-2"));
        assertTrue(motion.appends.isEmpty());
    }

    @Test
    void homingNeedsAnEndstop() {
        assertEquals("No endstop for this manual stepper",
                gcode.run("MANUAL_STEPPER STEPPER=basic MOVE=5 STOP_ON_ENDSTOP=1"));
    }

    @Test
    void theStepperFollowsItsOwnTrapqAlongX() {
        FakeStepper s = motion.steppers.get(0);
        assertEquals(motion.trapq, s.trapq);
        assertEquals(org.klipper4j.core.api.motion.StepperKinematics.AF_X, s.kinematics.activeFlags());
    }

    @Test
    void statusReportsThePositionAndEnableState() {
        gcode.run("MANUAL_STEPPER STEPPER=basic ENABLE=1 MOVE=2");

        assertEquals(2.0, (Double) stepper.getStatus(0.).get("position"), EPS);
        assertEquals(true, stepper.getStatus(0.).get("enabled"));
    }

    private ManualStepper homingStepper() {
        return new ManualStepper(FakeConfig.of(printer, "manual_stepper homer", "step_pin", "PF6",
                "endstop_pin", "^PJ1", "velocity", "5"));
    }

    @Test
    void stopOnEndstopHomesTowardTheEndstopAndEndsAtTheTarget() {
        ManualStepper homer = homingStepper();

        assertNull(gcode.run("MANUAL_STEPPER STEPPER=homer MOVE=-20 STOP_ON_ENDSTOP=1"));

        // endstop armed at the start; the move starts 1 ms later
        assertEquals(1, motion.homeStarts.size());
        assertEquals(1.0, (Double) motion.homeStarts.get(0)[0], EPS);
        assertEquals(true, motion.homeStarts.get(0)[1]);
        FakeMotionQueuing.Append a = motion.appends.get(0);
        assertEquals(1.001, a.printTime(), EPS);
        assertEquals(-1.0, a.axisR(), EPS);
        assertEquals(-20.0, homer.getPosition(), EPS);
        // as in Klipper, a manual stepper's homing move is announced like any other
        assertTrue(printer.events.containsAll(List.of("homing:homing_move_begin", "homing:homing_move_end")));
    }

    @Test
    void homingWithoutATriggerIsAnError() {
        homingStepper();
        motion.triggerTime = -1.;

        assertEquals("No trigger on homer after full movement",
                gcode.run("MANUAL_STEPPER STEPPER=homer MOVE=-20 STOP_ON_ENDSTOP=1"));
    }

    @Test
    void stopOnEndstopMinusTwoWaitsForReleaseAndAcceptsNoTrigger() {
        homingStepper();
        motion.triggerTime = -1.;

        assertNull(gcode.run("MANUAL_STEPPER STEPPER=homer MOVE=5 STOP_ON_ENDSTOP=-2"));

        assertEquals(false, motion.homeStarts.get(0)[1]);
    }
}
