/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.bedmesh.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Klipper's coordinate descent (mathutil.coordinate_descent): each parameter in turn is
 * nudged up or down by its step; a step that lowers the error grows by 10%, one that
 * does not shrinks by 10%, until the steps sum below 1e-5 (or 10000 rounds).
 */
final class CoordinateDescent {
    private CoordinateDescent() {
    }

    static Map<String, Double> minimize(Map<String, Double> start, ToDoubleFunction<Map<String, Double>> error) {
        Map<String, Double> params = new LinkedHashMap<>(start);
        Map<String, Double> dp = new LinkedHashMap<>();
        for (String k : params.keySet()) {
            dp.put(k, 1.);
        }
        double best = error.applyAsDouble(params);
        int rounds = 0;
        while (dp.values().stream().mapToDouble(Double::doubleValue).sum() > 0.00001 && rounds < 10000) {
            rounds++;
            for (String name : params.keySet()) {
                double orig = params.get(name);
                double step = dp.get(name);
                params.put(name, orig + step);
                double err = error.applyAsDouble(params);
                if (err < best) {
                    best = err;
                    dp.put(name, step * 1.1);
                    continue;
                }
                params.put(name, orig - step);
                err = error.applyAsDouble(params);
                if (err < best) {
                    best = err;
                    dp.put(name, step * 1.1);
                    continue;
                }
                params.put(name, orig);
                dp.put(name, step * 0.9);
            }
        }
        return params;
    }
}
