/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.leveling.internal;

import org.klipper4j.core.api.motion.PlaneFit;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class PlaneFitTest {
    @Test
    void findsThePlaneThroughPointsOfAPlane() {
        // z = 0.002 x - 0.001 y + 0.3
        PlaneFit fit = PlaneFit.of(List.of(new double[] {50, 50, 0.35}, new double[] {50, 195, 0.205},
                new double[] {195, 195, 0.495}, new double[] {195, 50, 0.64}));
        assertEquals(0.002, fit.xAdjust(), 1e-15);
        assertEquals(-0.001, fit.yAdjust(), 1e-15);
        assertEquals(0.3, fit.zAdjust(), 1e-12);
    }

    /**
     * multi_z.test's manual Z_TILT_ADJUST: heights 4.8 and 4.7 at x=50, 4.6 and 4.9 at
     * x=195. Both columns average 4.75, so the X tilt is exactly 0 (and stepper_z1 at
     * (-56,322) and stepper_z2 at (311,322) get the same adjustment); along Y the rows
     * average 4.85 (y=50) and 4.65 (y=195): a slope of -0.2/145, and at the centre
     * (122.5, 122.5) the plane is 4.75, so z_adjust = 4.75 + 122.5 * 0.2 / 145.
     */
    @Test
    void pointsSymmetricInXGiveExactlyNoXTilt() {
        PlaneFit fit = PlaneFit.of(List.of(new double[] {50, 50, 4.8}, new double[] {50, 195, 4.7},
                new double[] {195, 195, 4.6}, new double[] {195, 50, 4.9}));
        assertEquals(0., fit.xAdjust());
        assertEquals(-0.2 / 145., fit.yAdjust(), 1e-15);
        assertEquals(4.75 + 122.5 * 0.2 / 145., fit.zAdjust(), 1e-12);
        double z1 = -56 * fit.xAdjust() + 322 * fit.yAdjust() + fit.zAdjust();
        double z2 = 311 * fit.xAdjust() + 322 * fit.yAdjust() + fit.zAdjust();
        assertEquals(z1, z2);
    }

    /** The least-squares plane through points off a plane: the residuals' mean is zero. */
    @Test
    void pointsOffAPlaneGetTheLeastSquaresPlane() {
        // z_tilt.test's manual pass: 2.91, 2.925, 2.96, 2.925 at the corners of a
        // 145 x 145 square: each slope is (2.96 + 2.925 - 2.91 - 2.925) / 2 / 145
        PlaneFit fit = PlaneFit.of(List.of(new double[] {50, 50, 2.91}, new double[] {50, 195, 2.925},
                new double[] {195, 195, 2.96}, new double[] {195, 50, 2.925}));
        double slope = 0.05 / 2 / 145;
        assertEquals(slope, fit.xAdjust(), 1e-15);
        assertEquals(slope, fit.yAdjust(), 1e-15);
        assertEquals(2.93 - 122.5 * 2 * slope, fit.zAdjust(), 1e-12);
    }

    @Test
    void twoPointsTiltAlongTheirLineOnly() {
        PlaneFit fit = PlaneFit.of(List.of(new double[] {0, 10, 1.}, new double[] {100, 10, 2.}));
        assertEquals(0.01, fit.xAdjust(), 1e-15);
        assertEquals(0., fit.yAdjust());
        assertEquals(1., fit.zAdjust(), 1e-12);
    }
}
