/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.bedmesh.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Turns the probe results into the probed matrix as Klipper's probe_finalize does:
 * substituted points are averaged back into their faulty point, rows are split where
 * Y changes, reversed rows are put in X order, round-bed rows are padded with their
 * outer values to a square.
 */
final class ProbedMatrix {
    private ProbedMatrix() {
    }

    private static boolean isClose(double a, double b, double absTol) {
        return Math.abs(a - b) <= Math.max(1e-9 * Math.max(Math.abs(a), Math.abs(b)), absTol);
    }

    /** Positions with the substitutes of each faulty point replaced by one point holding their mean Z. */
    static List<double[]> mergeSubstitutes(List<double[]> positions, List<double[]> basePoints,
            Map<Integer, List<double[]>> substitutes, double[] offsets) {
        if (substitutes.isEmpty()) {
            return positions;
        }
        List<double[]> corrected = new ArrayList<>();
        int idxOffset = 0;
        int startIdx = 0;
        for (Map.Entry<Integer, List<double[]>> e : substitutes.entrySet()) {
            int i = e.getKey();
            int count = e.getValue().size();
            int idx = i + idxOffset;
            corrected.addAll(positions.subList(startIdx, idx));
            double sum = 0.;
            for (double[] p : positions.subList(idx, idx + count)) {
                sum += p[2];
            }
            double[] base = basePoints.get(i);
            corrected.add(new double[] {base[0] - offsets[0], base[1] - offsets[1], sum / count});
            idxOffset += count - 1;
            startIdx = idx + count;
        }
        corrected.addAll(positions.subList(startIdx, positions.size()));
        return corrected;
    }

    /**
     * @throws IllegalArgumentException with Klipper's message when the table has the wrong shape
     */
    static double[][] build(List<double[]> basePoints, List<double[]> positions, double zOffset,
            int xCnt, int yCnt, boolean round) {
        if (basePoints.size() != positions.size()) {
            throw new IllegalArgumentException(String.format(
                    "bed_mesh: invalid position list size, generated count: %d, probed count: %d",
                    basePoints.size(), positions.size()));
        }
        List<List<Double>> table = new ArrayList<>();
        List<Double> row = new ArrayList<>();
        double[] prev = basePoints.get(0);
        for (int i = 0; i < basePoints.size(); i++) {
            double[] pos = basePoints.get(i);
            double z = positions.get(i)[2] - zOffset;
            if (!isClose(pos[1], prev[1], .1)) {
                table.add(row);
                row = new ArrayList<>();
            }
            if (pos[0] > prev[0]) {
                row.add(z);
            } else {
                row.add(0, z);
            }
            prev = pos;
        }
        table.add(row);
        if (table.size() != yCnt) {
            throw new IllegalArgumentException(String.format(
                    "bed_mesh: Invalid y-axis table length\nProbed table length: %d Probed Table:\n%s",
                    table.size(), repr(table)));
        }
        if (round) {
            for (List<Double> r : table) {
                int size = r.size();
                if ((size & 1) == 0) {
                    throw new IllegalArgumentException("bed_mesh: incorrect number of points sampled on X\n"
                            + "Probed Table:\n" + repr(table));
                }
                int buf = (xCnt - size) / 2;
                double left = r.get(0);
                double right = r.get(size - 1);
                for (int k = 0; k < buf; k++) {
                    r.add(0, left);
                    r.add(right);
                }
            }
        }
        double[][] out = new double[yCnt][];
        for (int j = 0; j < yCnt; j++) {
            List<Double> r = table.get(j);
            if (r.size() != xCnt) {
                throw new IllegalArgumentException(String.format(
                        "bed_mesh: invalid x-axis table length\nProbed table length: %d Probed Table:\n%s",
                        table.size(), repr(table)));
            }
            out[j] = r.stream().mapToDouble(Double::doubleValue).toArray();
        }
        return out;
    }

    private static String repr(List<List<Double>> table) {
        List<String> rows = new ArrayList<>();
        for (List<Double> r : table) {
            rows.add(PyFormat.list(r.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        return "[" + String.join(", ", rows) + "]";
    }

    static String describe(double[][] m) {
        return Arrays.deepToString(m);
    }
}
