/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.bedmesh.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Interpolation against values worked out by hand from Klipper's formulas (see each test).
 */
class ZMeshTest {
    private static final double EPS = 1e-12;

    /**
     * 3x3 probes at x = 0, 50, 100 with z = (x/50)^2 on every row, one point per segment.
     * Lagrange through three points of a parabola is the parabola: at x = 25 z = 0.5^2 = 0.25,
     * at x = 75 z = 1.5^2 = 2.25. Rows are equal, so Y interpolation keeps them.
     */
    @Test
    void lagrangeReproducesAParabola() {
        ZMesh mesh = new ZMesh(new MeshParams(0, 100, 0, 100, 3, 3, 1, 1, "lagrange", .2), "p");
        mesh.build(new double[][] {{0, 1, 4}, {0, 1, 4}, {0, 1, 4}});
        assertEquals(5, mesh.meshXCount());
        for (double[] row : mesh.meshMatrix()) {
            assertArrayEquals(new double[] {0, .25, 1, 2.25, 4}, row, EPS);
        }
        assertEquals(.25, mesh.calcZ(25, 40), EPS);
        // between mesh points it is bilinear: halfway from 0 to 0.25
        assertEquals(.125, mesh.calcZ(12.5, 0), EPS);
        // outside the mesh the outer value holds
        assertEquals(4, mesh.calcZ(150, 150), EPS);
    }

    /**
     * 4 probes per row z = 0, 1, 2, 3, one point per segment, tension 0.2. With
     * m1 = c(p2 - p0), m2 = c(p3 - p1) and t = 0.5 (t^2 = .25, t^3 = .125):
     * first segment p = (0, 0, 1, 2): 1 * .5 + .2 * .125 + .4 * -.125 = .475;
     * middle p = (0, 1, 2, 3): 1 * .5 + 2 * .5 + .4 * .125 - .4 * .125 = 1.5;
     * last p = (1, 2, 3, 3): 2 * .5 + 3 * .5 + .4 * .125 - .2 * .125 = 2.525.
     */
    @Test
    void bicubicUsesTheCardinalSpline() {
        ZMesh mesh = new ZMesh(new MeshParams(0, 150, 0, 150, 4, 4, 1, 1, "bicubic", .2), "b");
        double[] row = {0, 1, 2, 3};
        mesh.build(new double[][] {row, row, row, row});
        double[][] m = mesh.meshMatrix();
        assertEquals(7, m.length);
        assertArrayEquals(new double[] {0, .475, 1, 1.5, 2, 2.525, 3}, m[0], EPS);
        assertArrayEquals(m[0], m[3], EPS);
    }

    /** Without interpolation (pps 0) the probed matrix is the mesh; z = x/100 is exact bilinear. */
    @Test
    void directMeshAndZeroReference() {
        ZMesh mesh = new ZMesh(new MeshParams(0, 100, 0, 100, 3, 3, 0, 0, "direct", .2), "d");
        double[] row = {0, .5, 1};
        mesh.build(new double[][] {row, row, row});
        assertEquals(.3, mesh.calcZ(30, 77), EPS);
        assertEquals(.5, mesh.zAverage(), EPS);
        mesh.setZeroReference(50, 50);
        assertEquals(-.2, mesh.calcZ(30, 0), EPS);
        assertArrayEquals(new double[] {-.5, 0, .5}, mesh.probedMatrix()[1], EPS);
    }

    @Test
    void meshOffsetShiftsTheLookup() {
        ZMesh mesh = new ZMesh(new MeshParams(0, 100, 0, 100, 3, 3, 0, 0, "direct", .2), "d");
        double[] row = {0, .5, 1};
        mesh.build(new double[][] {row, row, row});
        mesh.setMeshOffsets(10., null);
        assertEquals(.4, mesh.calcZ(30, 0), EPS);
    }

    @Test
    void averageRoundsToHundredths() {
        ZMesh mesh = new ZMesh(new MeshParams(0, 100, 0, 100, 3, 3, 0, 0, "direct", .2), "d");
        double[] row = {.011, .012, .013};
        mesh.build(new double[][] {row, row, row});
        assertEquals(.01, mesh.zAverage(), EPS);
        assertArrayEquals(new double[] {.011, .013}, mesh.zRange(), EPS);
    }
}
