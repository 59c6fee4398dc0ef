/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.leveling.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.motion.DeltaCalibration;

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

    /** A one-parameter "geometry": the height at stable position p is endstop_a - p[0] / 100. */
    private record OneTower(double endstop) implements DeltaCalibration {
        @Override
        public List<String> adjustableParams(boolean extended) {
            return List.of("endstop_a");
        }

        @Override
        public Map<String, Double> params() {
            return Map.of("endstop_a", endstop);
        }

        @Override
        public DeltaCalibration withParams(Map<String, Double> params) {
            return new OneTower(params.get("endstop_a"));
        }

        @Override
        public double[] positionFromStable(double[] p) {
            // below the bed is impossible here, as an arm too short for a trilateration
            double z = endstop - p[0] / 100.;
            return new double[] {0., 0., z < -50. ? Math.sqrt(-1.) : z};
        }

        @Override
        public double[] stablePosition(double[] coord) {
            return new double[] {(endstop - coord[2]) * 100., 0., 0.};
        }

        @Override
        public Map<String, Map<String, String>> savedOptions() {
            return Map.of();
        }

        @Override
        public String summary() {
            return "";
        }
    }

    @Test
    void fitMovesTheEndstopSoProbedPointsAreAtTheirHeights() {
        // probed at stable positions 30000 and 30010 (z = 0.1 apart): the best endstop puts them at z=0 on average
        List<DeltaCalibrate.Height> heights = List.of(new DeltaCalibrate.Height(0., new double[] {30000., 0., 0.}),
                new DeltaCalibrate.Height(0., new double[] {30010., 0., 0.}));
        DeltaCalibration fitted = DeltaCalibrate.fit(new OneTower(297.), heights, 2, List.of());
        assertEquals(300.05, fitted.params().get("endstop_a"), 1e-4);
    }

    @Test
    void anImpossibleGeometryHasAHugeError() {
        List<DeltaCalibrate.Height> heights = List.of(new DeltaCalibrate.Height(0., new double[] {30000., 0., 0.}));
        assertEquals(9999999999999.9, DeltaCalibrate.error(new OneTower(200.), heights, 1., List.of()));
        assertEquals(0.25, DeltaCalibrate.error(new OneTower(300.5), heights, 1., List.of()), 1e-9);
    }
}
