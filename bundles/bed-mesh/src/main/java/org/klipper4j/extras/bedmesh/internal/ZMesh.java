/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.bedmesh.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A probed matrix upsampled to a finer mesh (lagrange, bicubic or none) with bilinear
 * lookup between mesh points, as Klipper's ZMesh. Rows are Y (front to back), columns X.
 */
final class ZMesh {
    private final MeshParams params;
    private final String profileName;
    private final double[] meshOffsets = {0., 0.};
    private final int meshXCount;
    private final int meshYCount;
    private final int xMult;
    private final int yMult;
    private final double meshXDist;
    private final double meshYDist;
    private double[][] probedMatrix;
    private double[][] meshMatrix;

    ZMesh(MeshParams params, String profileName) {
        this.params = params;
        this.profileName = profileName;
        meshXCount = (params.xCount() - 1) * params.xPps() + params.xCount();
        meshYCount = (params.yCount() - 1) * params.yPps() + params.yCount();
        xMult = params.xPps() + 1;
        yMult = params.yPps() + 1;
        meshXDist = (params.maxX() - params.minX()) / (meshXCount - 1);
        meshYDist = (params.maxY() - params.minY()) / (meshYCount - 1);
    }

    MeshParams params() {
        return params;
    }

    String profileName() {
        return profileName;
    }

    int meshXCount() {
        return meshXCount;
    }

    int meshYCount() {
        return meshYCount;
    }

    /** Builds the mesh from the probed matrix (one row per probed Y). */
    void build(double[][] probed) {
        probedMatrix = copy(probed);
        switch (params.algo()) {
            case "bicubic" -> sampleBicubic(probed);
            case "lagrange" -> sampleLagrange(probed);
            default -> meshMatrix = copy(probed);
        }
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    /** Shifts the whole mesh so that Z at (x, y) becomes 0 (zero_reference_position). */
    void setZeroReference(double x, double y) {
        double offset = calcZ(x, y);
        for (double[][] m : new double[][][] {probedMatrix, meshMatrix}) {
            for (double[] row : m) {
                for (int i = 0; i < row.length; i++) {
                    row[i] -= offset;
                }
            }
        }
    }

    /** BED_MESH_OFFSET: a null leaves that axis' offset as it is. */
    void setMeshOffsets(Double x, Double y) {
        if (x != null) {
            meshOffsets[0] = x;
        }
        if (y != null) {
            meshOffsets[1] = y;
        }
    }

    double getXCoordinate(int index) {
        return params.minX() + meshXDist * index;
    }

    double getYCoordinate(int index) {
        return params.minY() + meshYDist * index;
    }

    /** The Z adjustment at (x, y): bilinear between the four surrounding mesh points. */
    double calcZ(double x, double y) {
        if (meshMatrix == null) {
            return 0.;
        }
        double[] tx = linearIndex(x + meshOffsets[0], params.minX(), meshXDist, meshXCount);
        double[] ty = linearIndex(y + meshOffsets[1], params.minY(), meshYDist, meshYCount);
        int xi = (int) tx[1];
        int yi = (int) ty[1];
        double z0 = lerp(tx[0], meshMatrix[yi][xi], meshMatrix[yi][xi + 1]);
        double z1 = lerp(tx[0], meshMatrix[yi + 1][xi], meshMatrix[yi + 1][xi + 1]);
        return lerp(ty[0], z0, z1);
    }

    /** [t, index]: the segment holding {@code coord} (the outer ones beyond the mesh) and where in it, clamped. */
    private static double[] linearIndex(double coord, double min, double dist, int count) {
        int idx = (int) Math.floor((coord - min) / dist);
        idx = Math.max(0, Math.min(count - 2, idx));
        double t = (coord - (min + dist * idx)) / dist;
        return new double[] {Math.max(0., Math.min(1., t)), idx};
    }

    static double lerp(double t, double v0, double v1) {
        return (1. - t) * v0 + t * v1;
    }

    /** [min, max] of the mesh. */
    double[] zRange() {
        if (meshMatrix == null) {
            return new double[] {0., 0.};
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] row : meshMatrix) {
            for (double z : row) {
                min = Math.min(min, z);
                max = Math.max(max, z);
            }
        }
        return new double[] {min, max};
    }

    /** The mesh average rounded to 0.01 mm, so the fade target is a whole number of common Z steps. */
    double zAverage() {
        if (meshMatrix == null) {
            return 0.;
        }
        double sum = 0.;
        int n = 0;
        for (double[] row : meshMatrix) {
            for (double z : row) {
                sum += z;
                n++;
            }
        }
        return PyRound.round(sum / n, 2);
    }

    List<List<Double>> probedMatrixRounded() {
        return rounded(probedMatrix);
    }

    List<List<Double>> meshMatrixRounded() {
        return rounded(meshMatrix);
    }

    private static List<List<Double>> rounded(double[][] m) {
        List<List<Double>> out = new ArrayList<>();
        if (m == null) {
            out.add(List.of());
            return out;
        }
        for (double[] row : m) {
            List<Double> r = new ArrayList<>();
            for (double z : row) {
                r.add(PyRound.round(z, 6));
            }
            out.add(List.copyOf(r));
        }
        return List.copyOf(out);
    }

    double[][] probedMatrix() {
        return copy(probedMatrix);
    }

    double[][] meshMatrix() {
        return copy(meshMatrix);
    }

    void printProbedMatrix(Consumer<String> out) {
        StringBuilder msg = new StringBuilder("Mesh Leveling Probed Z positions:\n");
        for (List<Double> line : probedMatrixRounded()) {
            for (double z : line) {
                msg.append(String.format(Locale.ROOT, " %f", z));
            }
            msg.append('\n');
        }
        out.accept(msg.toString());
    }

    void printMesh(Consumer<String> out, double moveZ) {
        List<List<Double>> matrix = meshMatrixRounded();
        StringBuilder msg = new StringBuilder();
        msg.append(String.format(Locale.ROOT, "Mesh X,Y: %d,%d\n", meshXCount, meshYCount));
        msg.append(String.format(Locale.ROOT, "Search Height: %d\n", (long) moveZ));
        msg.append(String.format(Locale.ROOT, "Mesh Offsets: X=%.4f, Y=%.4f\n", meshOffsets[0], meshOffsets[1]));
        msg.append(String.format(Locale.ROOT, "Mesh Average: %.2f\n", zAverage()));
        double[] rng = zRange();
        msg.append(String.format(Locale.ROOT, "Mesh Range: min=%.4f max=%.4f\n", rng[0], rng[1]));
        msg.append("Interpolation Algorithm: ").append(params.algo()).append('\n');
        msg.append("Measured points:\n");
        for (int y = meshYCount - 1; y >= 0; y--) {
            for (double z : matrix.get(y)) {
                msg.append(String.format(Locale.ROOT, "  %f", z));
            }
            msg.append('\n');
        }
        out.accept(msg.toString());
    }

    /** A mesh table with the probed values at every (x_mult, y_mult)-th point and 0 elsewhere. */
    private double[][] seed(double[][] probed) {
        double[][] m = new double[meshYCount][meshXCount];
        for (int j = 0; j < meshYCount; j += yMult) {
            for (int i = 0; i < meshXCount; i += xMult) {
                m[j][i] = probed[j / yMult][i / xMult];
            }
        }
        return m;
    }

    private void sampleLagrange(double[][] probed) {
        meshMatrix = seed(probed);
        double[] xpts = new double[params.xCount()];
        double[] ypts = new double[params.yCount()];
        for (int i = 0; i < xpts.length; i++) {
            xpts[i] = getXCoordinate(i * xMult);
        }
        for (int j = 0; j < ypts.length; j++) {
            ypts[j] = getYCoordinate(j * yMult);
        }
        // rows that were probed first, along X; then every column along Y
        for (int row = 0; row < meshYCount; row += yMult) {
            for (int col = 0; col < meshXCount; col++) {
                if (col % xMult != 0) {
                    double[] zs = new double[xpts.length];
                    for (int k = 0; k < zs.length; k++) {
                        zs[k] = meshMatrix[row][k * xMult];
                    }
                    meshMatrix[row][col] = lagrange(xpts, zs, getXCoordinate(col));
                }
            }
        }
        for (int col = 0; col < meshXCount; col++) {
            for (int row = 0; row < meshYCount; row++) {
                if (row % yMult != 0) {
                    double[] zs = new double[ypts.length];
                    for (int k = 0; k < zs.length; k++) {
                        zs[k] = meshMatrix[k * yMult][col];
                    }
                    meshMatrix[row][col] = lagrange(ypts, zs, getYCoordinate(row));
                }
            }
        }
    }

    /** The Lagrange polynomial through (pts[i], zs[i]) evaluated at c. */
    static double lagrange(double[] pts, double[] zs, double c) {
        double total = 0.;
        for (int i = 0; i < pts.length; i++) {
            double n = 1.;
            double d = 1.;
            for (int j = 0; j < pts.length; j++) {
                if (j != i) {
                    n *= c - pts[j];
                    d *= pts[i] - pts[j];
                }
            }
            total += zs[i] * n / d;
        }
        return total;
    }

    private void sampleBicubic(double[][] probed) {
        meshMatrix = seed(probed);
        double tension = params.tension();
        for (int y = 0; y < meshYCount; y += yMult) {
            double[] row = meshMatrix[y];
            for (int x = 0; x < meshXCount; x++) {
                if (x % xMult != 0) {
                    row[x] = cardinalSpline(controlPoints(i -> row[i], x, xMult, meshXCount), tension);
                }
            }
        }
        for (int x = 0; x < meshXCount; x++) {
            final int col = x;
            for (int y = 0; y < meshYCount; y++) {
                if (y % yMult != 0) {
                    meshMatrix[y][x] = cardinalSpline(
                            controlPoints(i -> meshMatrix[i][col], y, yMult, meshYCount), tension);
                }
            }
        }
    }

    /** [p0, p1, p2, p3, t] around index {@code pos}; the end segments repeat their outer point. */
    private static double[] controlPoints(java.util.function.IntToDoubleFunction v, int pos, int mult, int count) {
        int lastPt = count - 1 - mult;
        if (pos < mult) {
            return new double[] {v.applyAsDouble(0), v.applyAsDouble(0), v.applyAsDouble(mult),
                v.applyAsDouble(2 * mult), pos / (double) mult};
        }
        if (pos > lastPt) {
            return new double[] {v.applyAsDouble(lastPt - mult), v.applyAsDouble(lastPt),
                v.applyAsDouble(lastPt + mult), v.applyAsDouble(lastPt + mult), (pos - lastPt) / (double) mult};
        }
        int i = (pos / mult) * mult;
        return new double[] {v.applyAsDouble(i - mult), v.applyAsDouble(i), v.applyAsDouble(i + mult),
            v.applyAsDouble(i + 2 * mult), (pos - i) / (double) mult};
    }

    /** A cardinal (Hermite) spline segment from p1 to p2 with tangents tension*(p2-p0), tension*(p3-p1). */
    static double cardinalSpline(double[] p, double tension) {
        double t = p[4];
        double t2 = t * t;
        double t3 = t2 * t;
        double m1 = tension * (p[2] - p[0]);
        double m2 = tension * (p[3] - p[1]);
        double a = p[1] * (2 * t3 - 3 * t2 + 1);
        double b = p[2] * (-2 * t3 + 3 * t2);
        double c = m1 * (t3 - 2 * t2 + t);
        double d = m2 * (t3 - t2);
        return a + b + c + d;
    }
}
