/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.bedmesh.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The points BED_MESH_CALIBRATE probes, as Klipper generates them: a zig-zag grid
 * (rows alternate direction), on round beds only the points within the radius, and
 * every point inside a faulty region replaced by its projections onto the region's
 * edges that lie within the mesh.
 */
final class MeshPoints {
    /** A faulty region as its min and max corners. */
    record Region(double[] min, double[] max) {
    }

    /** How zero_reference_position is applied. */
    enum ZeroRefMode { DISABLED, IN_MESH, PROBE }

    private final List<double[]> basePoints;
    private final Map<Integer, List<double[]>> substitutes;
    private final ZeroRefMode zeroRefMode;
    private final double[] zeroRef;

    private MeshPoints(List<double[]> basePoints, Map<Integer, List<double[]>> substitutes,
            ZeroRefMode zeroRefMode, double[] zeroRef) {
        this.basePoints = basePoints;
        this.substitutes = substitutes;
        this.zeroRefMode = zeroRefMode;
        this.zeroRef = zeroRef;
    }

    /**
     * @param radius  null for a rectangular bed
     * @param origin  the round bed's center
     * @param zeroRef zero_reference_position or null
     * @throws IllegalArgumentException with Klipper's message when the points cannot be made
     */
    static MeshPoints generate(double[] meshMin, double[] meshMax, int xCnt, int yCnt, Double radius,
            double[] origin, List<Region> faulty, double[] zeroRef, Integer relativeReferenceIndex, boolean manual) {
        double minX = meshMin[0];
        double minY = meshMin[1];
        double maxX = meshMax[0];
        double maxY = meshMax[1];
        double xDist = Math.floor((maxX - minX) / (xCnt - 1) * 100) / 100;
        double yDist = Math.floor((maxY - minY) / (yCnt - 1) * 100) / 100;
        if (xDist < 1. || yDist < 1.) {
            throw new IllegalArgumentException("bed_mesh: min/max points too close together");
        }
        if (radius != null) {
            yDist = xDist;
            double newR = (xCnt / 2) * xDist;
            minX = -newR;
            minY = -newR;
            maxX = newR;
        } else {
            maxX = minX + xDist * (xCnt - 1);
        }
        List<double[]> points = new ArrayList<>();
        double posY = minY;
        for (int i = 0; i < yCnt; i++) {
            for (int j = 0; j < xCnt; j++) {
                double posX = i % 2 == 0 ? minX + j * xDist : maxX - j * xDist;
                if (radius == null) {
                    points.add(new double[] {posX, posY});
                } else if (Math.sqrt(posX * posX + posY * posY) <= radius) {
                    points.add(new double[] {origin[0] + posX, origin[1] + posY});
                }
            }
            posY += yDist;
        }
        double[] ref = zeroRef;
        if (ref == null && relativeReferenceIndex != null) {
            if (relativeReferenceIndex < 0 || relativeReferenceIndex >= points.size()) {
                throw new IllegalArgumentException("bed_mesh: relative reference index "
                        + relativeReferenceIndex + " is out of bounds");
            }
            ref = points.get(relativeReferenceIndex).clone();
        }
        ZeroRefMode mode;
        if (ref == null || manual) {
            mode = ZeroRefMode.DISABLED;
        } else if (within(ref, meshMin, meshMax, 0.)) {
            mode = ZeroRefMode.IN_MESH;
        } else {
            mode = ZeroRefMode.PROBE;
        }
        Map<Integer, List<double[]>> subs = substitutes(points, faulty, new double[] {minX, minY},
                new double[] {maxX, radius != null ? maxX : maxY}, radius, origin);
        if (mode == ZeroRefMode.PROBE) {
            for (Region r : faulty) {
                if (within(ref, r.min(), r.max(), .00001)) {
                    throw new IllegalArgumentException("bed_mesh: zero_reference_position lies within a faulty region");
                }
            }
        }
        return new MeshPoints(points, subs, mode, ref);
    }

    static boolean within(double[] c, double[] min, double[] max, double tol) {
        return max[0] + tol >= c[0] && c[0] >= min[0] - tol && max[1] + tol >= c[1] && c[1] >= min[1] - tol;
    }

    private static Map<Integer, List<double[]>> substitutes(List<double[]> points, List<Region> faulty,
            double[] minPt, double[] maxPt, Double radius, double[] origin) {
        Map<Integer, List<double[]>> subs = new LinkedHashMap<>();
        if (faulty.isEmpty()) {
            return subs;
        }
        double lastY = points.get(0)[1];
        boolean reversed = false;
        for (int i = 0; i < points.size(); i++) {
            double[] c = points.get(i);
            if (Math.abs(c[1] - lastY) > 1e-9 * Math.max(Math.abs(c[1]), Math.abs(lastY))) {
                reversed = !reversed;
            }
            lastY = c[1];
            List<double[]> adj = new ArrayList<>();
            for (Region r : faulty) {
                if (within(c, r.min(), r.max(), .00001)) {
                    adj.add(new double[] {r.min()[0], c[1]});
                    adj.add(new double[] {c[0], r.min()[1]});
                    adj.add(new double[] {c[0], r.max()[1]});
                    adj.add(new double[] {r.max()[0], c[1]});
                    if (reversed) {
                        // keeps the zig-zag: a reversed row meets the max-X edge first
                        double[] first = adj.get(0);
                        adj.set(0, adj.get(3));
                        adj.set(3, first);
                    }
                    break;
                }
            }
            if (adj.isEmpty()) {
                continue;
            }
            List<double[]> valid = new ArrayList<>();
            for (double[] ac : adj) {
                if (radius == null) {
                    if (within(ac, minPt, maxPt, .000001)) {
                        valid.add(ac);
                    }
                } else {
                    double dx = ac[0] - origin[0];
                    double dy = ac[1] - origin[1];
                    if (Math.sqrt(dx * dx + dy * dy) <= radius) {
                        valid.add(ac);
                    }
                }
            }
            if (valid.isEmpty()) {
                throw new IllegalArgumentException(
                        "bed_mesh: Unable to generate coordinates for faulty region at index: " + i);
            }
            subs.put(i, valid);
        }
        return subs;
    }

    List<double[]> basePoints() {
        return basePoints;
    }

    Map<Integer, List<double[]>> substitutes() {
        return substitutes;
    }

    ZeroRefMode zeroRefMode() {
        return zeroRefMode;
    }

    double[] zeroRef() {
        return zeroRef;
    }

    /** The points in probing order: substitutes in place of faulty points, the zero reference last if probed. */
    List<double[]> probePath() {
        List<double[]> path = new ArrayList<>();
        for (int i = 0; i < basePoints.size(); i++) {
            List<double[]> s = substitutes.get(i);
            if (s != null) {
                path.addAll(s);
            } else {
                path.add(basePoints.get(i));
            }
        }
        if (zeroRefMode == ZeroRefMode.PROBE) {
            path.add(zeroRef);
        }
        return path;
    }
}
