/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.inputshaper.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.motion.StepperKinematics;
import org.klipper4j.core.api.motion.TrapMove;
import org.klipper4j.core.api.motion.idex.DualCarriageStepperKinematics;

/**
 * Shaped positions on a known move: the toolhead rests at X=0 until t=1 s,
 * accelerates along X at 1000 mm/s^2 for 0.1 s (reaching X=5, 100 mm/s), then
 * cruises. With a ZV shaper at 40 Hz, damping 0.1 (K = 0.72924761, half period
 * h = 0.01256297 s) the solver pulses are K/(1+K) at -h/(1+K) and 1/(1+K) at
 * +hK/(1+K) (see ShaperPulsesTest); the shaped X is the weighted sum of the
 * commanded X at those offsets.
 */
class ShapedStepperKinematicsTest {
    private static final double K = 0.7292476142876709;
    private static final double H = 0.012562972690740151;
    private static final double A0 = K / (1 + K);
    private static final double T0 = -H / (1 + K);
    private static final double A1 = 1 / (1 + K);
    private static final double T1 = H * K / (1 + K);
    private static final double EPS = 1e-9;

    private static final StepperKinematics CARTESIAN_X = kinematics(StepperKinematics.AF_X, false);
    private static final StepperKinematics CARTESIAN_Y = kinematics(StepperKinematics.AF_Y, false);
    private static final StepperKinematics COREXY_A = kinematics(StepperKinematics.AF_X | StepperKinematics.AF_Y, true);

    private TrapMove accel;
    private TrapMove cruise;

    private static StepperKinematics kinematics(int flags, boolean sum) {
        return new StepperKinematics() {
            @Override
            public double calcPosition(TrapMove m, double t) {
                if (sum) {
                    return m.coordX(t) + m.coordY(t);
                }
                return flags == AF_X ? m.coordX(t) : m.coordY(t);
            }

            @Override
            public int activeFlags() {
                return flags;
            }
        };
    }

    private static TrapMove move(double printTime, double moveT, double startX, double startV, double accel,
            double rx) {
        TrapMove m = new TrapMove();
        m.printTime = printTime;
        m.moveT = moveT;
        m.startX = startX;
        m.startY = 7.;
        m.startV = startV;
        m.halfAccel = .5 * accel;
        m.axesRX = rx;
        return m;
    }

    private static void link(TrapMove... moves) {
        for (int i = 0; i + 1 < moves.length; i++) {
            moves[i].next = moves[i + 1];
            moves[i + 1].prev = moves[i];
        }
    }

    @BeforeEach
    void buildMoves() {
        TrapMove head = move(0., 0., 0., 0., 0., 0.);
        TrapMove rest = move(0., 1., 0., 0., 0., 0.);
        accel = move(1., .1, 0., 0., 1000., 1.);
        cruise = move(1.1, 1., 5., 100., 0., 1.);
        TrapMove tail = move(2.1, 1e9, 105., 0., 0., 0.);
        link(head, rest, accel, cruise, tail);
    }

    private static ShapedStepperKinematics zvOnX(StepperKinematics sk) {
        ShapedStepperKinematics shaped = new ShapedStepperKinematics(sk);
        shaped.setPulses(0, ShaperPulses.of(ShaperSpec.parse("zv").build(40., .1)));
        return shaped;
    }

    @Test
    void cruiseIsUnchangedBecauseThePulsesAreCentred() {
        assertEquals(5. + 100. * .5, zvOnX(CARTESIAN_X).calcPosition(cruise, .5), EPS);
    }

    @Test
    void startOfAccelerationMixesTheRestingPositionAndTheLaterOne() {
        // earlier pulse reads the resting X=0, later one the accelerating X = 500 t^2
        double expected = A0 * 0. + A1 * 500. * T1 * T1;
        assertEquals(expected, zvOnX(CARTESIAN_X).calcPosition(accel, 0.), EPS);
    }

    @Test
    void pulsesReadAcrossMoveBoundaries() {
        double t = .001;
        double expected = A0 * 500. * Math.pow(.1 + t + T0, 2) + A1 * (5. + 100. * (t + T1));
        assertEquals(expected, zvOnX(CARTESIAN_X).calcPosition(cruise, t), EPS);
    }

    @Test
    void beforeTheFirstQueuedMoveThePositionHolds() {
        // a queue whose first move cruises from X=5: before it only the head sentinel,
        // so the earlier pulse reads the move's start position
        TrapMove head = move(0., 0., 0., 0., 0., 0.);
        TrapMove first = move(3., 1., 5., 100., 0., 1.);
        link(head, first);
        double expected = A0 * 5. + A1 * (5. + 100. * T1);
        assertEquals(expected, zvOnX(CARTESIAN_X).calcPosition(first, 0.), EPS);
    }

    @Test
    void axisNotShapedPassesThrough() {
        ShapedStepperKinematics y = zvOnX(CARTESIAN_Y);
        assertEquals(7., y.calcPosition(accel, .05), EPS);
        assertEquals(0., y.genStepsPreActive());
        assertEquals(0., y.genStepsPostActive());
    }

    @Test
    void corexyStepperGetsShapedXPlusPlainY() {
        double t = .001;
        double shapedX = A0 * 500. * Math.pow(.1 + t + T0, 2) + A1 * (5. + 100. * (t + T1));
        assertEquals(shapedX + 7., zvOnX(COREXY_A).calcPosition(cruise, t), EPS);
    }

    @Test
    void stepGenerationWindowCoversThePulses() {
        ShapedStepperKinematics x = zvOnX(CARTESIAN_X);
        assertEquals(T1, x.genStepsPreActive(), 1e-15);
        assertEquals(-T0, x.genStepsPostActive(), 1e-15);
    }

    @Test
    void aParkedCarriageKeepsItsShaperWhenTheOtherCarriagesIsSet() {
        DualCarriageStepperKinematics carriage = new DualCarriageStepperKinematics(CARTESIAN_X);
        ShapedStepperKinematics shaped = zvOnX(carriage);
        ShaperPulses own = shaped.getPulses(0);
        carriage.setTransform(0, 0., 42.);
        shaped.setPulses(0, ShaperPulses.of(ShaperSpec.parse("mzv").build(60., .1)));
        assertSame(own, shaped.getPulses(0), "X is not followed while parked: its pulses stay");
        assertEquals(42., shaped.calcPosition(cruise, .5), EPS, "parked: the offset, unshaped");
        assertEquals(0., shaped.genStepsPostActive(), "no window while parked");
        carriage.setTransform(0, 1., 0.);
        assertEquals(-T0, shaped.genStepsPostActive(), 1e-15, "its own shaper is back with the axis");
        shaped.setPulses(0, ShaperPulses.NONE);
        assertSame(ShaperPulses.NONE, shaped.getPulses(0), "an active axis takes new pulses");
    }

    @Test
    void commandedPositionAndFixupReachTheWrappedKinematics() {
        StepperKinematics wrapping = new StepperKinematics() {
            @Override
            public double calcPosition(TrapMove m, double t) {
                return m.coordX(t);
            }

            @Override
            public double calcPosition(TrapMove m, double t, double commandedPos) {
                return m.coordX(t) + 1000. * Math.round((commandedPos - m.coordX(t)) / 1000.);
            }

            @Override
            public double postStepsFixup(double commandedPos) {
                return commandedPos - 1000.;
            }

            @Override
            public int activeFlags() {
                return AF_X;
            }
        };
        ShapedStepperKinematics shaped = zvOnX(new DualCarriageStepperKinematics(wrapping));
        assertEquals(1055., shaped.calcPosition(cruise, .5, 1040.), EPS);
        assertEquals(40., shaped.postStepsFixup(1040.), EPS);
    }
}
