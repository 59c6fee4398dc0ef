/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.extruder.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.motion.TrapMove;

/**
 * The extruder kinematics against values worked out by hand from the pressure
 * advance formula: position + advance * velocity on moves that may use it,
 * averaged with a triangular weight over smooth_time.
 */
class PressureAdvanceTest {
    private static final double EPS = 1e-9;

    private final ExtrusionHistory history = new ExtrusionHistory();
    private final ExtruderStepperKinematics sk = new ExtruderStepperKinematics();

    PressureAdvanceTest() {
        sk.setHistory(history);
    }

    /** The trapq's copy of a one-segment move (X = filament position, Y = "may advance"). */
    private static TrapMove segment(double printTime, double moveT, double startV, double accel, double startPos,
            boolean advance) {
        TrapMove m = new TrapMove();
        m.printTime = printTime;
        m.moveT = moveT;
        m.startV = startV;
        m.halfAccel = .5 * accel;
        m.startX = startPos;
        m.axesRX = 1.;
        m.axesRY = advance ? 1. : 0.;
        return m;
    }

    @Test
    void withoutPressureAdvanceThePositionIsTheMovesPosition() {
        // 2 mm/s start, 10 mm/s^2: after 0.5 s, 5 + 2*0.5 + 5*0.25 = 7.25
        TrapMove m = segment(3., 1., 2., 10., 5., true);
        history.append(3., 1., 0., 0., 5., 2., 12., 10., true);
        assertEquals(7.25, sk.calcPosition(m, .5), EPS);
        assertEquals(0., sk.genStepsPreActive());
    }

    @Test
    void cruiseIsAheadByAdvanceTimesVelocity() {
        // 20 mm/s from 10 mm; at 0.5 s: 10 + 10 + 0.05 * 20 = 21
        history.append(1., 0., 2., 0., 10., 20., 20., 0., true);
        sk.setPressureAdvance(0., .05, 2 * .02);
        TrapMove m = segment(1., 2., 20., 0., 10., true);
        assertEquals(21., sk.calcPosition(m, .5), EPS);
        assertEquals(.02, sk.genStepsPreActive());
        assertEquals(.02, sk.genStepsPostActive());
    }

    @Test
    void accelerationAddsTheSmoothingTermOfTheSquare() {
        // from rest at 1000 mm/s^2, at 0.1 s: x = 5, v = 100, x + 0.05 v = 10;
        // the triangle average of 500 t^2 adds 500 * h^2 / 6 with h = 0.02
        history.append(0., 1., 0., 0., 0., 0., 1000., 1000., true);
        sk.setPressureAdvance(0., .05, 2 * .02);
        TrapMove m = segment(0., 1., 0., 1000., 0., true);
        assertEquals(10. + 500. * .0004 / 6., sk.calcPosition(m, .1), EPS);
    }

    @Test
    void movesWithoutAdvanceDoNotAdvance() {
        // a retraction (flag off) at -30 mm/s: only the move itself, 4 - 30 * 0.2 = -2
        history.append(0., 0., 1., 0., 4., -30., -30., 0., false);
        sk.setPressureAdvance(0., .1, 2 * .02);
        assertEquals(-2., sk.calcPosition(segment(0., 1., -30., 0., 4., false), .2), EPS);
    }

    @Test
    void theWindowReachesIntoTheNextMove() {
        // 10 mm/s with advance until t=1 (at 10 mm), then 10 mm/s without: at t=1
        // the linear part averages to 10, the advance 0.05*10 covers half the weight
        history.append(0., 0., 1., 0., 0., 10., 10., 0., true);
        history.append(1., 0., 1., 0., 10., 10., 10., 0., false);
        sk.setPressureAdvance(0., .05, 2 * .02);
        double fromFirst = sk.calcPosition(segment(0., 1., 10., 0., 0., true), 1.);
        double fromSecond = sk.calcPosition(segment(1., 1., 10., 0., 10., false), 0.);
        assertEquals(10.25, fromFirst, EPS);
        assertEquals(10.25, fromSecond, EPS);
    }

    @Test
    void afterTheLastMoveTheFilamentStandsStill() {
        // 10 mm/s with advance ending at 10 mm at t=1, then nothing: left half
        // 5 - 10h/6 + 0.25, right half 10/2
        history.append(0., 0., 1., 0., 0., 10., 10., 0., true);
        sk.setPressureAdvance(0., .05, 2 * .02);
        double pos = sk.calcPosition(segment(0., 1., 10., 0., 0., true), 1.);
        assertEquals(10.25 - 10. * .02 / 6., pos, EPS);
        // long after, the stationary position is back to the plain one
        TrapMove idle = segment(1., 5., 0., 0., 10., false);
        assertEquals(10., sk.calcPosition(idle, 2.), EPS);
    }

    @Test
    void aGapBetweenMovesHoldsThePosition() {
        // first move ends at 10 mm at t=1, the next starts at t=2: at t=1.5 nothing moves
        history.append(0., 0., 1., 0., 0., 10., 10., 0., true);
        history.append(2., 0., 1., 0., 10., 10., 10., 0., true);
        sk.setPressureAdvance(0., .05, 2 * .02);
        assertEquals(10., sk.calcPosition(segment(1., 1., 0., 0., 10., false), .5), EPS);
    }

    @Test
    void largePrintTimesKeepPrecision() {
        double t0 = 36000.;
        history.append(t0, 0., 2., 0., 1000., 20., 20., 0., true);
        sk.setPressureAdvance(0., .05, 2 * .02);
        assertEquals(1000. + 10. + 1., sk.calcPosition(segment(t0, 2., 20., 0., 1000., true), .5), 1e-7);
    }

    @Test
    void aNewAdvanceAppliesToMovesFromItsPrintTime() {
        sk.setPressureAdvance(0., .05, .04);
        sk.setPressureAdvance(10., .1, .04);
        assertEquals(.05, sk.advanceAt(9.99));
        assertEquals(.1, sk.advanceAt(10.));
        // a cruise queued before the change keeps 0.05: 10 + 20*0.5 + 0.05*20
        history.append(1., 0., 2., 0., 10., 20., 20., 0., true);
        assertEquals(21., sk.calcPosition(segment(1., 2., 20., 0., 10., true), .5), EPS);
        // a zero smooth time turns the advance off entirely
        sk.setPressureAdvance(20., 0., 0.);
        assertEquals(20., sk.calcPosition(segment(1., 2., 20., 0., 10., true), .5), EPS);
    }

    @Test
    void historyForgetsOldSegments() {
        for (int i = 0; i < 10; i++) {
            history.append(i, 0., 1., 0., i, 1., 1., 0., true);
        }
        history.expire(9.5);
        // segments ending before 7.5 are gone; the one ending at 7 too, 7..8 stays
        assertEquals(3, history.size());
    }

    @Test
    void onlyWithoutPressureAdvanceIsThePositionDeclaredLinear() {
        TrapMove m = segment(1., 1., 2., 10., 5., true);
        // position = start + 1 * distance: the solver may compute step times in closed form
        assertEquals(1., sk.linearDistanceRatio(m), 0.);
        assertEquals(7.25, sk.calcPosition(m, 0.) + sk.linearDistanceRatio(m) * m.getDistance(.5), EPS);
        sk.setPressureAdvance(0., .05, .04);
        // smoothed and advanced: not linear, the iterative search must be used
        assertEquals(Double.NaN, sk.linearDistanceRatio(m));
    }
}
