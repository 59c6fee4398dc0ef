/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.inputshaper.internal;

import java.util.Locale;

/**
 * The undamped amplitudes of an n-impulse MZV shaper spanning {@code t} periods:
 * impulses equally spaced in time, amplitudes summing to 1 and placing the
 * shaper's zeros at the resonance and the n-2 frequencies above it that the
 * projected duration implies. The (consistent) linear system is solved in the
 * least-squares sense, as Klipper's pseudo-inverse does.
 */
final class MzvCoefficients {
    private MzvCoefficients() {
    }

    /** Amplitudes and times (in periods) of the shaper; throws ShaperException for bad n or t. */
    static Shaper solve(int n, double t) {
        if (n < 3) {
            throw new ShaperException("Too small n=" + n + ", must be at least 3");
        }
        if (n <= 2 * t + 1 + 1e-7) {
            throw new ShaperException(String.format(Locale.ROOT,
                    "Too large t=%.6f for n=%d, must be less than %.6f", t, n, .5 * (n - 1)));
        }
        double tau = t * (n - 2.) / (n - 2. * t - 1.);
        double[] times = new double[n];
        for (int i = 0; i < n; i++) {
            times[i] = i * t / (n - 1.);
        }
        int rows = 2 * n - 1;
        double[][] m = new double[rows][n];
        double[] f = new double[rows];
        java.util.Arrays.fill(m[0], 1.);
        f[0] = 1.;
        for (int i = 0; i < n - 1; i++) {
            for (int j = 0; j < n; j++) {
                double w = 2. * Math.PI * (1. + i / tau) * times[j];
                m[1 + 2 * i][j] = Math.cos(w);
                m[2 + 2 * i][j] = Math.sin(w);
            }
        }
        double[] a = leastSquares(m, f);
        if (a == null) {
            throw new ShaperException(String.format(Locale.ROOT, "Ill-formed shaper with n=%d, t=%.6f", n, t));
        }
        for (double v : a) {
            if (v < -0.00001) {
                throw new ShaperException(
                        String.format(Locale.ROOT, "Negative-valued shaper with n=%d, t=%.6f", n, t));
            }
        }
        return new Shaper(a, times);
    }

    /** Solves min |m x - f| through the normal equations; null if they are singular. */
    static double[] leastSquares(double[][] m, double[] f) {
        int n = m[0].length;
        double[][] g = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0.;
                for (double[] row : m) {
                    sum += row[i] * row[j];
                }
                g[i][j] = sum;
            }
            double rhs = 0.;
            for (int r = 0; r < m.length; r++) {
                rhs += m[r][i] * f[r];
            }
            g[i][n] = rhs;
        }
        // Gaussian elimination with partial pivoting
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(g[r][col]) > Math.abs(g[pivot][col])) {
                    pivot = r;
                }
            }
            if (Math.abs(g[pivot][col]) < 1e-12) {
                return null;
            }
            double[] tmp = g[col];
            g[col] = g[pivot];
            g[pivot] = tmp;
            for (int r = 0; r < n; r++) {
                if (r == col) {
                    continue;
                }
                double factor = g[r][col] / g[col][col];
                for (int c = col; c <= n; c++) {
                    g[r][c] -= factor * g[col][c];
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = g[i][n] / g[i][i];
        }
        return x;
    }
}
