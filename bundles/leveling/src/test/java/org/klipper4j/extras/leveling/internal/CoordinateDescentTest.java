/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.leveling.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CoordinateDescentTest {
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
