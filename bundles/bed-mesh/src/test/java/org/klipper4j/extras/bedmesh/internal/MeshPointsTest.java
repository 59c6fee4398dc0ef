/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.bedmesh.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class MeshPointsTest {
    private static final double EPS = 1e-9;

    @Test
    void zigZagGridWithFlooredSpacing() {
        // (180 - 10) / 6 = 28.333 floors to 28.33, so the last X is 10 + 6 * 28.33 = 179.98
        MeshPoints p = MeshPoints.generate(new double[] {10, 10}, new double[] {180, 180}, 7, 7, null,
                new double[] {0, 0}, List.of(), null, null, false);
        List<double[]> base = p.basePoints();
        assertEquals(49, base.size());
        assertArrayEquals(new double[] {10, 10}, base.get(0), EPS);
        assertArrayEquals(new double[] {179.98, 10}, base.get(6), EPS);
        // the second row runs backwards
        assertArrayEquals(new double[] {179.98, 38.33}, base.get(7), EPS);
        assertEquals(MeshPoints.ZeroRefMode.DISABLED, p.zeroRefMode());
    }

    @Test
    void faultyPointIsReplacedByItsProjectionsInZigZagOrder() {
        MeshPoints p = MeshPoints.generate(new double[] {10, 10}, new double[] {110, 110}, 3, 3, null,
                new double[] {0, 0}, List.of(new MeshPoints.Region(new double[] {50, 50}, new double[] {70, 70})),
                null, null, false);
        assertEquals(List.of(4), List.copyOf(p.substitutes().keySet()));
        List<double[]> subs = p.substitutes().get(4);
        // index 4 is on the reversed middle row: the max-X edge comes first
        assertArrayEquals(new double[] {70, 60}, subs.get(0), EPS);
        assertArrayEquals(new double[] {60, 50}, subs.get(1), EPS);
        assertArrayEquals(new double[] {60, 70}, subs.get(2), EPS);
        assertArrayEquals(new double[] {50, 60}, subs.get(3), EPS);
        assertEquals(12, p.probePath().size());
    }

    @Test
    void projectionsOutsideTheMeshAreDropped() {
        MeshPoints p = MeshPoints.generate(new double[] {10, 10}, new double[] {110, 110}, 3, 3, null,
                new double[] {0, 0}, List.of(new MeshPoints.Region(new double[] {0, 0}, new double[] {20, 20})),
                null, null, false);
        List<double[]> subs = p.substitutes().get(0);
        assertEquals(2, subs.size());
        assertArrayEquals(new double[] {10, 20}, subs.get(0), EPS);
        assertArrayEquals(new double[] {20, 10}, subs.get(1), EPS);
    }

    @Test
    void roundBedKeepsPointsWithinTheRadius() {
        // radius 50, 5 points, spacing 25: rows keep 1, 3, 5, 3, 1 points (x^2 + y^2 <= 50^2)
        MeshPoints p = MeshPoints.generate(new double[] {-50, -50}, new double[] {50, 50}, 5, 5, 50.,
                new double[] {100, 100}, List.of(), null, null, false);
        assertEquals(13, p.basePoints().size());
        assertArrayEquals(new double[] {100, 50}, p.basePoints().get(0), EPS);
    }

    @Test
    void zeroReferenceModes() {
        double[] min = {10, 10};
        double[] max = {110, 110};
        MeshPoints in = MeshPoints.generate(min, max, 3, 3, null, new double[] {0, 0}, List.of(),
                new double[] {50, 50}, null, false);
        assertEquals(MeshPoints.ZeroRefMode.IN_MESH, in.zeroRefMode());
        MeshPoints out = MeshPoints.generate(min, max, 3, 3, null, new double[] {0, 0}, List.of(),
                new double[] {0, 0}, null, false);
        assertEquals(MeshPoints.ZeroRefMode.PROBE, out.zeroRefMode());
        assertEquals(10, out.probePath().size());
        MeshPoints rri = MeshPoints.generate(min, max, 3, 3, null, new double[] {0, 0}, List.of(), null, 4, false);
        assertArrayEquals(new double[] {60, 60}, rri.zeroRef(), EPS);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MeshPoints.generate(
                min, max, 3, 3, null, new double[] {0, 0}, List.of(), null, 9, false));
        assertEquals("bed_mesh: relative reference index 9 is out of bounds", e.getMessage());
    }

    @Test
    void tooCloseTogether() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MeshPoints.generate(
                new double[] {0, 0}, new double[] {1.5, 1.5}, 3, 3, null, new double[] {0, 0}, List.of(), null, null,
                false));
        assertEquals("bed_mesh: min/max points too close together", e.getMessage());
    }
}
