/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.probe.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class ProbeResultsTest {
    private static final List<double[]> THREE = List.of(new double[] {1, 2, 0.30}, new double[] {3, 4, 0.10},
            new double[] {5, 6, 0.20});

    @Test
    void averageIsTheMeanOfEachAxis() {
        assertArrayEquals(new double[] {3, 4, 0.2}, ProbeResults.average(THREE, "average"), 1e-12);
    }

    @Test
    void medianOfAnOddCountIsTheMiddleSample() {
        assertArrayEquals(new double[] {5, 6, 0.20}, ProbeResults.average(THREE, "median"), 1e-12);
    }

    @Test
    void medianOfAnEvenCountAveragesTheTwoMiddleSamples() {
        List<double[]> four = List.of(new double[] {0, 0, 0.4}, new double[] {2, 2, 0.1}, new double[] {4, 4, 0.3},
                new double[] {6, 6, 0.2});
        assertArrayEquals(new double[] {5, 5, 0.25}, ProbeResults.average(four, "median"), 1e-12);
    }
}
