/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.gcodearcs.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class ArcPlannerTest {
    private static final double EPS = 1e-9;
    private static final double COS30 = Math.sqrt(3.0) / 2.0;

    @Test
    void counterClockwiseQuarterCircleIsCutIntoThirtyDegreeSegments() {
        // Radius 10, quarter turn = 15.71 mm; 5 mm resolution gives floor(3.14) = 3 segments.
        List<double[]> points = new ArcPlanner(5.0).plan(
                new double[] {10, 0, 0}, new double[] {0, 10, 0}, -10, 0, false, ArcPlane.XY);
        assertEquals(3, points.size());
        assertArrayEquals(new double[] {10 * COS30, 5, 0}, points.get(0), EPS);
        assertArrayEquals(new double[] {5, 10 * COS30, 0}, points.get(1), EPS);
        assertArrayEquals(new double[] {0, 10, 0}, points.get(2), 0.0);
    }

    @Test
    void clockwiseQuarterCircleTurnsTheOtherWay() {
        List<double[]> points = new ArcPlanner(5.0).plan(
                new double[] {0, 10, 0}, new double[] {10, 0, 0}, 0, -10, true, ArcPlane.XY);
        assertEquals(3, points.size());
        assertArrayEquals(new double[] {5, 10 * COS30, 0}, points.get(0), EPS);
        assertArrayEquals(new double[] {10 * COS30, 5, 0}, points.get(1), EPS);
        assertArrayEquals(new double[] {10, 0, 0}, points.get(2), 0.0);
    }

    @Test
    void xzPlaneArcMovesYLinearly() {
        // Quarter circle in XZ around (0, 0) from X=10 to Z=10 while Y goes 0 -> 6:
        // length hypot(15.71, 6) = 16.8 -> 3 segments, Y 2 mm per segment.
        List<double[]> points = new ArcPlanner(5.0).plan(
                new double[] {10, 0, 0}, new double[] {0, 6, 10}, -10, 0, false, ArcPlane.XZ);
        assertEquals(3, points.size());
        assertArrayEquals(new double[] {10 * COS30, 2, 5}, points.get(0), EPS);
        assertArrayEquals(new double[] {5, 4, 10 * COS30}, points.get(1), EPS);
        assertArrayEquals(new double[] {0, 6, 10}, points.get(2), 0.0);
    }

    @Test
    void targetEqualToStartIsAFullCircle() {
        // Circumference of radius 1 is 6.28 mm; 1 mm resolution gives 6 segments of 60 degrees.
        List<double[]> points = new ArcPlanner(1.0).plan(
                new double[] {1, 0, 0}, new double[] {1, 0, 0}, -1, 0, false, ArcPlane.XY);
        assertEquals(6, points.size());
        assertArrayEquals(new double[] {0.5, COS30, 0}, points.get(0), EPS);
        assertArrayEquals(new double[] {-1, 0, 0}, points.get(2), EPS);
        assertArrayEquals(new double[] {1, 0, 0}, points.get(5), 0.0);
    }

    @Test
    void arcShorterThanResolutionIsOneMove() {
        List<double[]> points = new ArcPlanner(100.0).plan(
                new double[] {10, 0, 0}, new double[] {0, 10, 0}, -10, 0, false, ArcPlane.XY);
        assertEquals(1, points.size());
        assertArrayEquals(new double[] {0, 10, 0}, points.get(0), 0.0);
    }
}
