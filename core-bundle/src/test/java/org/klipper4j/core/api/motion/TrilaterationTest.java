/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.motion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class TrilaterationTest {
    @Test
    void findsThePointBelowThreeSpheres() {
        // (1, 2, -2) is 3 from (0,0,0) and (0,4,0), sqrt(17) from (4,0,0)
        double[][] centres = {{0., 0., 0.}, {4., 0., 0.}, {0., 4., 0.}};
        assertArrayEquals(new double[] {1., 2., -2.}, Trilateration.solve(centres, new double[] {9., 17., 9.}),
                1e-12);
    }

    @Test
    void worksForCentresAtDifferentHeights() {
        // (0, 0, 0) from centres at heights 4, 12 and 4 with squared radii 3^2+4^2, 5^2+12^2, 3^2+4^2;
        // the centres go counterclockwise seen from above, so the answer is the one below their plane
        double[][] centres = {{3., 0., 4.}, {0., 5., 12.}, {-3., 0., 4.}};
        assertArrayEquals(new double[] {0., 0., 0.}, Trilateration.solve(centres, new double[] {25., 169., 25.}),
                1e-12);
    }
}
