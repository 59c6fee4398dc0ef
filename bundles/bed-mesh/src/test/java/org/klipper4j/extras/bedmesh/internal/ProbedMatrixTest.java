/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.bedmesh.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ProbedMatrixTest {
    private static final double EPS = 1e-9;

    @Test
    void reversedRowsAreOrderedByXAndZOffsetRemoved() {
        List<double[]> base = List.of(new double[] {0, 0}, new double[] {50, 0}, new double[] {100, 0},
                new double[] {100, 50}, new double[] {50, 50}, new double[] {0, 50},
                new double[] {0, 100}, new double[] {50, 100}, new double[] {100, 100});
        List<double[]> pos = new ArrayList<>();
        for (int i = 0; i < base.size(); i++) {
            pos.add(new double[] {base.get(i)[0], base.get(i)[1], 1 + i});
        }
        double[][] m = ProbedMatrix.build(base, pos, 1., 3, 3, false);
        assertArrayEquals(new double[] {0, 1, 2}, m[0], EPS);
        assertArrayEquals(new double[] {5, 4, 3}, m[1], EPS);
        assertArrayEquals(new double[] {6, 7, 8}, m[2], EPS);
    }

    @Test
    void substitutesAreAveragedIntoTheirPoint() {
        List<double[]> base = List.of(new double[] {0, 0}, new double[] {50, 0}, new double[] {100, 0});
        List<double[]> pos = List.of(new double[] {0, 0, 1}, new double[] {40, 0, 2}, new double[] {60, 0, 4},
                new double[] {100, 0, 5});
        List<double[]> merged = ProbedMatrix.mergeSubstitutes(pos, base,
                Map.of(1, List.of(new double[] {40, 0}, new double[] {60, 0})), new double[] {0, 0, 0});
        assertEquals(3, merged.size());
        assertArrayEquals(new double[] {50, 0, 3}, merged.get(1), EPS);
        assertArrayEquals(new double[] {100, 0, 5}, merged.get(2), EPS);
    }

    @Test
    void wrongCountIsReported() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProbedMatrix.build(
                List.of(new double[] {0, 0}), List.of(), 0., 3, 3, false));
        assertEquals("bed_mesh: invalid position list size, generated count: 1, probed count: 0", e.getMessage());
    }
}
