/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.bedmesh.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Move splitting on a mesh z = x / 100 (exact under bilinear lookup). */
class MoveSplitterTest {
    private static final double EPS = 1e-9;

    private static ZMesh slope() {
        ZMesh mesh = new ZMesh(new MeshParams(0, 100, 0, 100, 3, 3, 0, 0, "direct", .2), "s");
        double[] row = {0, .5, 1};
        mesh.build(new double[][] {row, row, row});
        return mesh;
    }

    /** Checks every 5 mm; each step changes Z by 0.05 >= 0.025, so every check point ends a segment. */
    @Test
    void splitsAtEveryCheckWhereZChangedEnough() {
        MoveSplitter s = new MoveSplitter(.025, 5.);
        s.initialize(slope(), 0.);
        List<double[]> moves = s.split(new double[] {0, 0, 1, 0}, new double[] {20, 0, 1, 2}, 1.);
        assertEquals(4, moves.size());
        assertArrayEquals(new double[] {5, 0, 1.05, .5}, moves.get(0), EPS);
        assertArrayEquals(new double[] {10, 0, 1.10, 1}, moves.get(1), EPS);
        assertArrayEquals(new double[] {15, 0, 1.15, 1.5}, moves.get(2), EPS);
        assertArrayEquals(new double[] {20, 0, 1.2, 2}, moves.get(3), EPS);
    }

    /** With split_delta_z 0.06 the change is compared with the last segment's Z, not the last check. */
    @Test
    void comparesWithTheLastEmittedZ() {
        MoveSplitter s = new MoveSplitter(.06, 5.);
        s.initialize(slope(), 0.);
        List<double[]> moves = s.split(new double[] {0, 0, 1, 0}, new double[] {20, 0, 1, 0}, 1.);
        assertEquals(2, moves.size());
        assertArrayEquals(new double[] {10, 0, 1.1, 0}, moves.get(0), EPS);
        assertArrayEquals(new double[] {20, 0, 1.2, 0}, moves.get(1), EPS);
    }

    /** A Z-only move is never split; the fade factor scales the adjustment around the fade target. */
    @Test
    void zOnlyMoveAndFadeFactor() {
        MoveSplitter s = new MoveSplitter(.025, 5.);
        s.initialize(slope(), .1);
        List<double[]> moves = s.split(new double[] {50, 50, 1, 0}, new double[] {50, 50, 2, 0}, .5);
        assertEquals(1, moves.size());
        // .5 * (.5 - .1) + .1 = .3
        assertArrayEquals(new double[] {50, 50, 2.3, 0}, moves.get(0), EPS);
    }

    /** The last check point must be strictly short of the end: a 10 mm move checks only at 5 mm. */
    @Test
    void noCheckAtTheEndPoint() {
        MoveSplitter s = new MoveSplitter(.025, 5.);
        s.initialize(slope(), 0.);
        List<double[]> moves = s.split(new double[] {0, 0, 0, 0}, new double[] {10, 0, 0, 0}, 1.);
        assertEquals(2, moves.size());
        assertArrayEquals(new double[] {5, 0, .05, 0}, moves.get(0), EPS);
    }
}
