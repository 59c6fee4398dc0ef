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
        double[] adj = BedTilt.fit(new double[] {0, 0, 1.15}, pos);
        assertEquals(.001, adj[0], 1e-15);
        assertEquals(-.002, adj[1], 1e-15);
        assertEquals(0., adj[2], 1e-12);
    }

    /**
     * multi_z.test's BED_TILT_CALIBRATE: the probe (z_offset 1.15) reads 0 at every point,
     * so the bed is flat and z_adjust is exactly -1.15 (coordinate descent stopped 1.1e-5
     * short of it; Klipper's output matches the exact value).
     */
    @Test
    void aFlatBedGivesExactlyTheProbeOffset() {
        List<double[]> pos = List.of(new double[] {50, 50, 0.}, new double[] {50, 195, 0.},
                new double[] {195, 195, 0.}, new double[] {195, 50, 0.});
        double[] adj = BedTilt.fit(new double[] {0, 0, 1.15}, pos);
        assertEquals(0., adj[0]);
        assertEquals(0., adj[1]);
        assertEquals(-1.15, adj[2]);
    }

    /** With probe x/y offsets the plane's height is taken at the nozzle, not at the probe. */
    @Test
    void probeXyOffsetsShiftTheZAdjust() {
        // heights z = 0.001 x measured at the probe, probe 10 mm right of the nozzle
        List<double[]> pos = List.of(new double[] {50, 50, .05}, new double[] {50, 150, .05},
                new double[] {150, 150, .15}, new double[] {150, 50, .15});
        double[] adj = BedTilt.fit(new double[] {10, 0, 0}, pos);
        assertEquals(.001, adj[0], 1e-15);
        assertEquals(0., adj[1], 1e-15);
        assertEquals(-.01, adj[2], 1e-12);
    }
}
