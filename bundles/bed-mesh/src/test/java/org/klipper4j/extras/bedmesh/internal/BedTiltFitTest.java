/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.bedmesh.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class BedTiltFitTest {
    /**
     * Four probe heights on the plane z = 1.15 + 0.001 x - 0.002 y (probe z_offset 1.15):
     * the fit finds the slopes and a z_adjust of 0 once the z_offset is taken off.
     */
    @Test
    void fitsAPlaneThroughTheProbedHeights() {
        List<double[]> pos = List.of(new double[] {50, 50, 1.15 + .05 - .1},
                new double[] {50, 195, 1.15 + .05 - .39}, new double[] {195, 195, 1.15 + .195 - .39},
                new double[] {195, 50, 1.15 + .195 - .1});
        double[] adj = BedTilt.fit(0., 0., new double[] {0, 0, 1.15}, pos);
        assertEquals(.001, adj[0], 1e-5);
        assertEquals(-.002, adj[1], 1e-5);
        assertEquals(0., adj[2], 1e-3);
    }
}
