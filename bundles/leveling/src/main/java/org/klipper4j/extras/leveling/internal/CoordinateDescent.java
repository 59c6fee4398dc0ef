/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.leveling.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Klipper's coordinate descent: each adjustable parameter is tried one step up and one step
 * down; a step that lowers the error grows by 10%, one that does not shrinks by 10%. The
 * operations and their order follow Klipper's so results agree to the last printed digit.
 */
final class CoordinateDescent {
    private static final double THRESHOLD = 0.00001;
    private static final int MAX_ROUNDS = 10000;

    private CoordinateDescent() {
    }

    /** Returns a copy of {@code params} with the adjustable ones moved to a (local) minimum. */
    static Map<String, Double> minimize(List<String> adjustable, Map<String, Double> initial,
            ToDoubleFunction<Map<String, Double>> errorFunc) {
        Map<String, Double> params = new LinkedHashMap<>(initial);
        double[] steps = new double[adjustable.size()];
        java.util.Arrays.fill(steps, 1.);
        double bestErr = errorFunc.applyAsDouble(params);
        int rounds = 0;
        while (sum(steps) > THRESHOLD && rounds < MAX_ROUNDS) {
            rounds++;
            for (int i = 0; i < steps.length; i++) {
                String name = adjustable.get(i);
                double orig = params.get(name);
                params.put(name, orig + steps[i]);
                double err = errorFunc.applyAsDouble(params);
                if (err < bestErr) {
                    bestErr = err;
                    steps[i] *= 1.1;
                    continue;
                }
                params.put(name, orig - steps[i]);
                err = errorFunc.applyAsDouble(params);
                if (err < bestErr) {
                    bestErr = err;
                    steps[i] *= 1.1;
                    continue;
                }
                params.put(name, orig);
                steps[i] *= 0.9;
            }
        }
        return params;
    }

    // left to right, as Python's sum()
    private static double sum(double[] values) {
        double total = 0.;
        for (double v : values) {
            total += v;
        }
        return total;
    }
}
