/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Piecewise linear interpolation over sorted (key, value) samples, extrapolating at both ends. */
final class LinearInterpolation {
    private final double[] keys;
    private final double[][] slopes;

    /** Throws IllegalArgumentException "duplicate value" or "need at least two samples". */
    LinearInterpolation(List<double[]> samples) {
        List<double[]> sorted = new ArrayList<>(samples);
        sorted.sort(Comparator.<double[]>comparingDouble(s -> s[0]).thenComparingDouble(s -> s[1]));
        List<Double> keyList = new ArrayList<>();
        List<double[]> slopeList = new ArrayList<>();
        double[] last = null;
        for (double[] s : sorted) {
            if (last == null) {
                last = s;
                continue;
            }
            if (s[0] <= last[0]) {
                throw new IllegalArgumentException("duplicate value");
            }
            double gain = (s[1] - last[1]) / (s[0] - last[0]);
            double offset = last[1] - last[0] * gain;
            if (!slopeList.isEmpty() && Arrays.equals(slopeList.get(slopeList.size() - 1), new double[] {gain, offset})) {
                continue; // collinear with the previous segment: extend it
            }
            last = s;
            keyList.add(s[0]);
            slopeList.add(new double[] {gain, offset});
        }
        if (keyList.isEmpty()) {
            throw new IllegalArgumentException("need at least two samples");
        }
        keyList.add(9999999999999.);
        slopeList.add(slopeList.get(slopeList.size() - 1));
        keys = keyList.stream().mapToDouble(Double::doubleValue).toArray();
        slopes = slopeList.toArray(new double[0][]);
    }

    double interpolate(double key) {
        int pos = 0;
        while (pos < keys.length - 1 && keys[pos] <= key) {
            pos++;
        }
        return key * slopes[pos][0] + slopes[pos][1];
    }

    double reverseInterpolate(double value) {
        int n = keys.length;
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = keys[i] * slopes[i][0] + slopes[i][1];
        }
        boolean rising = values[0] < values[n - 2];
        int pick = n - 1;
        for (int i = 0; i < n; i++) {
            if (rising ? values[i] >= value : values[i] <= value) {
                pick = i;
                break;
            }
        }
        return (value - slopes[pick][1]) / slopes[pick][0];
    }
}
