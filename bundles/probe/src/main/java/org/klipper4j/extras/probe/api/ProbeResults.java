/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.probe.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.klipper4j.core.api.gcode.GCodeCommand;

/** Helpers for probe results [x, y, z]. */
public final class ProbeResults {
    private ProbeResults() {
    }

    /** The mean of the positions, or with {@code "median"} the position of median Z. */
    public static double[] average(List<double[]> positions, String method) {
        if (!"median".equals(method)) {
            double[] sum = new double[3];
            for (double[] p : positions) {
                for (int i = 0; i < 3; i++) {
                    sum[i] += p[i];
                }
            }
            for (int i = 0; i < 3; i++) {
                sum[i] /= positions.size();
            }
            return sum;
        }
        List<double[]> sorted = new ArrayList<>(positions);
        sorted.sort(Comparator.comparingDouble(p -> p[2]));
        int middle = sorted.size() / 2;
        if (sorted.size() % 2 == 1) {
            return sorted.get(middle).clone();
        }
        return average(sorted.subList(middle - 1, middle + 1), "average");
    }

    /** One probe measurement with the probe's parameters (Klipper's {@code run_single_probe}). */
    public static double[] runSingleProbe(Probe probe, GCodeCommand gcmd) {
        ProbeSession session = probe.startProbeSession(gcmd);
        session.runProbe(gcmd);
        double[] pos = session.pullProbedResults().get(0);
        session.endProbeSession();
        return pos;
    }
}
