/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.genericcartesian.internal;

/**
 * The linear map from toolhead XYZ to stepper positions (one row of coefficients per
 * stepper, plus an offset): whether it lets every axis move on its own, and its
 * least-squares inverse, which gives XYZ back from stepper positions.
 */
final class StepperMatrix {
    private final double[][] rows;
    private final double[] offsets;

    StepperMatrix(double[][] rows, double[] offsets) {
        this.rows = rows;
        this.offsets = offsets;
    }

    /** MᵀM, 3 x 3. */
    private double[][] gram() {
        double[][] g = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double sum = 0.;
                for (double[] row : rows) {
                    sum += row[i] * row[j];
                }
                g[i][j] = sum;
            }
        }
        return g;
    }

    private static double det3(double[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }

    /** True if the steppers can move every axis independently. */
    boolean isInvertible() {
        return Math.abs(det3(gram())) >= 0.00001;
    }

    /** (MᵀM)⁻¹Mᵀ, 3 x steppers. */
    private double[][] pseudoInverse() {
        double[][] g = gram();
        double det = det3(g);
        double[][] inv = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                // cofactor of g[j][i] over the determinant (adjugate = transposed cofactors)
                int r0 = (j + 1) % 3;
                int r1 = (j + 2) % 3;
                int c0 = (i + 1) % 3;
                int c1 = (i + 2) % 3;
                inv[i][j] = (g[r0][c0] * g[r1][c1] - g[r0][c1] * g[r1][c0]) / det;
            }
        }
        double[][] pinv = new double[3][rows.length];
        for (int i = 0; i < 3; i++) {
            for (int s = 0; s < rows.length; s++) {
                double sum = 0.;
                for (int k = 0; k < 3; k++) {
                    sum += inv[i][k] * rows[s][k];
                }
                pinv[i][s] = sum;
            }
        }
        return pinv;
    }

    /** XYZ for the given stepper positions (in row order); NaN for an axis no stepper moves. */
    double[] toolheadPosition(double[] stepperPositions) {
        double[][] pinv = pseudoInverse();
        double[] pos = new double[3];
        for (int i = 0; i < 3; i++) {
            double sum = 0.;
            boolean any = false;
            for (int s = 0; s < rows.length; s++) {
                sum += (stepperPositions[s] - offsets[s]) * pinv[i][s];
                any |= pinv[i][s] != 0.;
            }
            pos[i] = any ? sum : Double.NaN;
        }
        return pos;
    }
}
