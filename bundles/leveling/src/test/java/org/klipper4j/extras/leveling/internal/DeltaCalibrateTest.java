/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.leveling.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class DeltaCalibrateTest {
    @Test
    void defaultPointsAreTheCentreAndSixScatteredPoints() {
        List<double[]> points = DeltaCalibrate.defaultPoints(50.);
        assertEquals(7, points.size());
        assertArrayEquals(new double[] {0., 0.}, points.get(0), 1e-12);
        // 90 degrees at 95% of the radius, 150 degrees at 90%
        assertArrayEquals(new double[] {0., 47.5}, points.get(1), 1e-9);
        assertArrayEquals(new double[] {-45. * Math.sqrt(3) / 2, 22.5}, points.get(2), 1e-9);
        // 270 degrees at 70%
        assertArrayEquals(new double[] {0., -35.}, points.get(4), 1e-9);
    }
}
