/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.leveling.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class QuadGantryLevelTest {
    private static final List<double[]> CORNERS = List.of(new double[] {-55, -7}, new double[] {305, 320});
    private static final List<double[]> POINTS = List.of(new double[] {25, 0, 0}, new double[] {25, 200, 0},
            new double[] {225, 200, 0}, new double[] {225, 0, 0});

    @Test
    void aFlatGantryHasTheSameHeightAtEveryCorner() {
        double[] heights = QuadGantryLevel.cornerHeights(new double[3], POINTS, new double[] {2, 2, 2, 2}, CORNERS);
        assertArrayEquals(new double[] {2, 2, 2, 2}, heights, 1e-12);
    }

    @Test
    void aTiltedGantryIsExtrapolatedToItsCorners() {
        // height = 1 + 0.01 x + 0.02 y at the probe points; corners z, z1, z2, z3 are
        // (-55,-7), (-55,320), (305,320), (305,-7)
        double[] z = new double[4];
        for (int i = 0; i < 4; i++) {
            z[i] = 1 + 0.01 * POINTS.get(i)[0] + 0.02 * POINTS.get(i)[1];
        }
        double[] heights = QuadGantryLevel.cornerHeights(new double[3], POINTS, z, CORNERS);
        assertArrayEquals(new double[] {1 - 0.55 - 0.14, 1 - 0.55 + 6.4, 1 + 3.05 + 6.4, 1 + 3.05 - 0.14}, heights,
                1e-9);
    }

    @Test
    void probeOffsetsShiftTheProbedPoints() {
        // same tilt, probed with a probe 10 mm right of the nozzle: positions are nozzle positions
        double[] z = new double[4];
        for (int i = 0; i < 4; i++) {
            z[i] = 0.01 * (POINTS.get(i)[0] + 10);
        }
        double[] heights = QuadGantryLevel.cornerHeights(new double[] {10, 0, 0}, POINTS, z, CORNERS);
        assertArrayEquals(new double[] {-0.55, -0.55, 3.05, 3.05}, heights, 1e-9);
    }
}
