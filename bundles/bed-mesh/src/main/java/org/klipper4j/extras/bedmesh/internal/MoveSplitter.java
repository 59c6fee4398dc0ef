/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.bedmesh.internal;

import java.util.ArrayList;
import java.util.List;

import org.klipper4j.core.api.gcode.CommandError;

/**
 * Splits a G-code move into segments that follow the mesh, as Klipper's MoveSplitter:
 * walking the move in steps of {@code move_check_distance}, a segment ends where the
 * Z adjustment changed by at least {@code split_delta_z} since the last segment. The
 * MCU stream depends on where these splits fall, so the walk matches Klipper's exactly.
 */
final class MoveSplitter {
    private final double splitDeltaZ;
    private final double moveCheckDistance;
    private ZMesh mesh;
    private double fadeOffset;

    MoveSplitter(double splitDeltaZ, double moveCheckDistance) {
        this.splitDeltaZ = splitDeltaZ;
        this.moveCheckDistance = moveCheckDistance;
    }

    void initialize(ZMesh zMesh, double fadeTarget) {
        this.mesh = zMesh;
        this.fadeOffset = fadeTarget;
    }

    private double zOffset(double x, double y, double factor) {
        double z = mesh.calcZ(x, y);
        return factor * (z - fadeOffset) + fadeOffset;
    }

    private static boolean isClose(double a, double b, double absTol) {
        return Math.abs(a - b) <= Math.max(1e-9 * Math.max(Math.abs(a), Math.abs(b)), absTol);
    }

    /** The toolhead moves for going from {@code prev} to {@code next} with the mesh weighted by {@code factor}. */
    List<double[]> split(double[] prev, double[] next, double factor) {
        int n = next.length;
        double[] current = new double[n];
        System.arraycopy(prev, 0, current, 0, Math.min(prev.length, n));
        boolean[] axisMove = new boolean[n];
        double sq = 0.;
        for (int i = 0; i < n; i++) {
            double d = next[i] - current[i];
            if (i < 3) {
                sq += d * d;
            }
            axisMove[i] = !isClose(d, 0., 1e-10);
        }
        double totalLength = Math.sqrt(sq);
        double lastZ = zOffset(current[0], current[1], factor);
        List<double[]> moves = new ArrayList<>();
        double[] start = current.clone();
        if (axisMove[0] || axisMove[1]) {
            double checked = 0.;
            while (checked + moveCheckDistance < totalLength) {
                checked += moveCheckDistance;
                double t = checked / totalLength;
                if (t > 1. || t < 0.) {
                    throw new CommandError("bed_mesh: Slice distance is negative or greater than entire move length");
                }
                for (int i = 0; i < n; i++) {
                    if (axisMove[i]) {
                        current[i] = ZMesh.lerp(t, start[i], next[i]);
                    }
                }
                double nextZ = zOffset(current[0], current[1], factor);
                if (Math.abs(nextZ - lastZ) >= splitDeltaZ) {
                    lastZ = nextZ;
                    double[] seg = current.clone();
                    seg[2] += nextZ;
                    moves.add(seg);
                }
            }
        }
        double[] end = next.clone();
        end[2] += zOffset(end[0], end[1], factor);
        moves.add(end);
        return moves;
    }
}
