/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.leveling.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.motion.DeltaCalibration;

/**
 * Turns DELTA_ANALYZE measurements of Klipper's calibration object (docs/prints/calibrate_size.stl)
 * into distances between two stable positions.
 */
final class DeltaMeasurements {
    /** A measured distance between two stable positions. */
    record Distance(double distance, double[] pos1, double[] pos2) {
    }

    private static final double[] MEASURE_ANGLES = {210., 270., 330., 30., 90., 150.};
    private static final double MEASURE_OUTER_RADIUS = 65;
    private static final double MEASURE_RIDGE_RADIUS = 5. - .5;

    private DeltaMeasurements() {
    }

    static List<Distance> toDistances(Map<String, double[]> measured, DeltaCalibration params) {
        double scale = measured.get("SCALE")[0];
        double[] cpw = measured.get("CENTER_PILLAR_WIDTHS");
        double[] centerWidths = {cpw[0], cpw[2], cpw[1], cpw[0], cpw[2], cpw[1]};
        double[] centerDistsIn = measured.get("CENTER_DISTS");
        double[] outerDistsIn = measured.get("OUTER_DISTS");
        double[] outerWidths = measured.get("OUTER_PILLAR_WIDTHS");
        double[][] xy = new double[6][];
        for (int i = 0; i < 6; i++) {
            double a = Math.toRadians(MEASURE_ANGLES[i]);
            xy[i] = new double[] {Math.cos(a), Math.sin(a)};
        }
        double innerRidge = MEASURE_RIDGE_RADIUS * scale;
        double outerRidge = (MEASURE_OUTER_RADIUS + MEASURE_RIDGE_RADIUS) * scale;
        double outerCenter = MEASURE_OUTER_RADIUS * scale;
        List<Distance> result = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            double[] inner = {xy[i][0] * innerRidge, xy[i][1] * innerRidge, 0.};
            double[] outer = {xy[i][0] * outerRidge, xy[i][1] * outerRidge, 0.};
            result.add(new Distance(centerDistsIn[i] - centerWidths[i], params.stablePosition(inner),
                    params.stablePosition(outer)));
        }
        for (int i = 0; i < 6; i++) {
            double[] start = {xy[i][0] * outerCenter, xy[i][1] * outerCenter};
            double[] shifted = xy[(i + 2) % 6];
            double[] first = {shifted[0] * innerRidge + start[0], shifted[1] * innerRidge + start[1], 0.};
            double[] second = {shifted[0] * outerRidge + start[0], shifted[1] * outerRidge + start[1], 0.};
            result.add(new Distance(outerDistsIn[i] - outerWidths[i], params.stablePosition(first),
                    params.stablePosition(second)));
        }
        return result;
    }
}
