/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.leveling.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CoordinateDescentTest {
    @Test
    void findsThePlaneThroughPointsOfAPlane() {
        // z = 0.002 x - 0.001 y + 0.3
        List<double[]> points = List.of(new double[] {50, 50, 0.35}, new double[] {50, 195, 0.205},
                new double[] {195, 195, 0.495}, new double[] {195, 50, 0.64});
        Map<String, Double> fit = ZTilt.fitPlane(0., points);
        assertEquals(0.002, fit.get("x_adjust"), 1e-5);
        assertEquals(-0.001, fit.get("y_adjust"), 1e-5);
        assertEquals(0.3, fit.get("z_adjust"), 1e-3);
    }

    @Test
    void leavesParametersThatAreNotAdjustable() {
        Map<String, Double> start = new java.util.LinkedHashMap<>();
        start.put("a", 0.);
        start.put("fixed", 7.);
        Map<String, Double> best = CoordinateDescent.minimize(List.of("a"), start,
                p -> (p.get("a") - 3.) * (p.get("a") - 3.));
        assertEquals(3., best.get("a"), 1e-4);
        assertEquals(7., best.get("fixed"));
        assertEquals(0., start.get("a"), "the input map is not changed");
    }
}
