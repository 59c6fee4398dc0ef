/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.forcemove.internal;

import org.klipper4j.testkit.FakeMotionQueuing;

import org.klipper4j.testkit.FakeStepper;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.motion.Kinematics;
import org.klipper4j.core.api.motion.StepperEnable;
import org.klipper4j.core.api.motion.StepperKinematics;
import org.klipper4j.core.api.motion.TrapMove;
import org.klipper4j.core.api.motion.TrapQueue;
import org.klipper4j.testkit.FakeConfig;
import org.klipper4j.testkit.FakeGCode;
import org.klipper4j.testkit.FakePrinter;
import org.klipper4j.testkit.FakeToolhead;

class ForceMoveTest {
    private static final double EPS = 1e-9;

    private final FakePrinter printer = new FakePrinter();
    private final FakeGCode gcode = new FakeGCode();
    private final FakeMotionQueuing motion = new FakeMotionQueuing();
    private final FakeToolhead toolhead = new FakeToolhead();
    private final List<String> enableCalls = new ArrayList<>();
    /** The axes SET_KINEMATIC_POSITION cleared the homing state of, or null. */
    private String clearedAxes;
    private boolean enabled;
    private FakeStepper stepperX;

    @BeforeEach
    void setUp() {
        printer.addObject("gcode", gcode);
        printer.addObject("motion_queuing", motion);
        toolhead.printTime = 1.0;
        toolhead.position = new double[] {1., 2., 3., 4.};
        toolhead.kinematics = (Kinematics) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Kinematics.class}, (self, method, args) -> {
                    if (method.getName().equals("clearHomingState")) {
                        clearedAxes = (String) args[0];
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        printer.addObject("toolhead", toolhead);
        printer.addObject(StepperEnable.NAME, new StepperEnable() {
            @Override
            public void motorOff() {
            }

            @Override
            public boolean setMotorsEnable(List<String> names, boolean enable) {
                if (enabled == enable) {
                    return false;
                }
                enabled = enable;
                enableCalls.add(names + "=" + enable + "@" + toolhead.printTime);
                return true;
            }

            @Override
            public List<String> getSteppers() {
                return List.of();
            }

            @Override
            public boolean isMotorEnabled(String name) {
                return enabled;
            }

        });
        stepperX = (FakeStepper) motion.createStepper(FakeConfig.of(printer, "stepper_x", "step_pin", "PF0"), false);
    }

    private ForceMove load(String... options) {
        return new ForceMove(FakeConfig.of(printer, "force_move", options));
    }

    @Test
    void forceMoveAndSetKinematicPositionNeedEnableForceMove() {
        load();

        assertEquals(true, gcode.isRegistered("STEPPER_BUZZ"));
        assertEquals(false, gcode.isRegistered("FORCE_MOVE"));
        assertEquals(false, gcode.isRegistered("SET_KINEMATIC_POSITION"));
    }

    @Test
    void unknownSteppersAreNamed() {
        load();

        assertEquals("Unknown stepper stepper_q", gcode.run("STEPPER_BUZZ STEPPER=stepper_q"));
    }

    @Test
    void buzzMovesOneMillimetreForthAndBackTenTimesThenRestoresTheStepper() {
        StepperKinematics own = new StepperKinematics() {
            @Override
            public double calcPosition(TrapMove move, double moveTime) {
                return 0;
            }

            @Override
            public int activeFlags() {
                return AF_Y;
            }
        };
        TrapQueue ownTrapq = new FakeMotionQueuing().trapq;
        stepperX.setStepperKinematics(own);
        stepperX.setTrapq(ownTrapq);
        load();

        assertNull(gcode.run("STEPPER_BUZZ STEPPER=stepper_x"));

        assertEquals(20, motion.appends.size());
        // enabled at print time 1.0, then 1 mm at 4 mm/s without acceleration
        FakeMotionQueuing.Append first = motion.appends.get(0);
        assertEquals(1.0, first.printTime(), EPS);
        assertEquals(0.25, first.cruiseT(), EPS);
        assertEquals(1.0, first.axisR(), EPS);
        FakeMotionQueuing.Append back = motion.appends.get(1);
        assertEquals(1.0 + 0.25 + 0.05, back.printTime(), EPS);
        assertEquals(-1.0, back.axisR(), EPS);
        // each round takes 0.25 + 0.05 + 0.25 + 0.45 s; disabled at the end
        double end = 1.0 + 10 * 1.0;
        assertEquals(2, enableCalls.size());
        assertEquals("[stepper_x]=true@1.0", enableCalls.get(0));
        assertEquals(end, Double.parseDouble(enableCalls.get(1).substring("[stepper_x]=false@".length())), 1e-6);
        assertSame(own, stepperX.kinematics);
        assertSame(ownTrapq, stepperX.trapq);
    }

    @Test
    void buzzLeavesAnEnabledStepperEnabled() {
        enabled = true;
        load();

        gcode.run("STEPPER_BUZZ STEPPER=stepper_x");

        assertEquals(List.of(), enableCalls);
    }

    @Test
    void forceMoveUsesTheGivenDistanceSpeedAndAcceleration() {
        load("enable_force_move", "True");

        assertNull(gcode.run("FORCE_MOVE STEPPER=stepper_x DISTANCE=-4 VELOCITY=10 ACCEL=100"));

        FakeMotionQueuing.Append a = motion.appends.get(0);
        assertEquals(-1.0, a.axisR(), EPS);
        assertEquals(0.1, a.accelT(), EPS);
        assertEquals(0.3, a.cruiseT(), EPS);
        assertEquals(10.0, a.cruiseV(), EPS);
        assertEquals(100.0, a.accel(), EPS);
    }

    @Test
    void forceMoveNeedsAPositiveVelocity() {
        load("enable_force_move", "True");

        String error = gcode.run("FORCE_MOVE STEPPER=stepper_x DISTANCE=4 VELOCITY=0");

        assertEquals("Error on 'FORCE_MOVE STEPPER=stepper_x DISTANCE=4 VELOCITY=0': VELOCITY must be above 0.0",
                error);
    }

    @Test
    void setKinematicPositionKeepsUnsetAxesAndHomesAllByDefault() {
        load("enable_force_move", "True");

        gcode.run("SET_KINEMATIC_POSITION Z=7");

        assertArrayEquals(new double[] {1., 2., 7., 4.}, toolhead.position, EPS);
        assertEquals("xyz", toolhead.lastHomingAxes);
        assertNull(clearedAxes);
    }

    @Test
    void setKinematicPositionCanClearHomedAxes() {
        load("enable_force_move", "True");

        gcode.run("SET_KINEMATIC_POSITION X=0 SET_HOMED=X CLEAR_HOMED=YZ");

        assertEquals("x", toolhead.lastHomingAxes);
        assertEquals("yz", clearedAxes);
    }
}
