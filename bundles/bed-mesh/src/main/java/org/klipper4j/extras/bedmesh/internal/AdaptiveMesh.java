/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.bedmesh.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * BED_MESH_CALIBRATE ADAPTIVE=1 (Klipper's set_adaptive_mesh): the mesh shrinks to the
 * bounding box of the exclude_object polygons plus a margin, within the configured mesh,
 * with the probe counts scaled by the same ratio (at least 3, or 4 where bicubic needs it).
 */
final class AdaptiveMesh {
    private AdaptiveMesh() {
    }

    /**
     * Adapts {@code mc} (a copy of the config) to the objects; returns false (leaving it
     * as it is) when there are none.
     */
    @SuppressWarnings("unchecked")
    static boolean adapt(MeshConfig mc, MeshConfig orig, List<Map<String, Object>> objects, double margin,
            Consumer<String> respond) {
        if (objects.isEmpty()) {
            return false;
        }
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        respond.accept("Found " + objects.size() + " objects");
        for (Map<String, Object> obj : objects) {
            for (Object p : (List<Object>) obj.getOrDefault("polygon", List.of())) {
                List<Number> pt = (List<Number>) p;
                minX = Math.min(minX, pt.get(0).doubleValue());
                maxX = Math.max(maxX, pt.get(0).doubleValue());
                minY = Math.min(minY, pt.get(1).doubleValue());
                maxY = Math.max(maxY, pt.get(1).doubleValue());
            }
        }
        if (minX == Double.POSITIVE_INFINITY) {
            return false;
        }
        double[] amin = {Math.max(minX - margin, orig.meshMin[0]), Math.max(minY - margin, orig.meshMin[1])};
        double[] amax = {Math.min(maxX + margin, orig.meshMax[0]), Math.min(maxY + margin, orig.meshMax[1])};
        double sizeX = amax[0] - amin[0];
        double sizeY = amax[1] - amin[1];
        double rx = sizeX / (orig.meshMax[0] - orig.meshMin[0]);
        double ry = sizeY / (orig.meshMax[1] - orig.meshMin[1]);
        respond.accept("Original mesh bounds: (" + tuple(orig.meshMin) + "," + tuple(orig.meshMax) + ")");
        respond.accept("Original probe count: (" + orig.xCount + "," + orig.yCount + ")");
        respond.accept("Adapted mesh bounds: (" + PyFormat.list(amin) + "," + PyFormat.list(amax) + ")");
        respond.accept("Ratio: (" + PyFormat.num(rx) + ", " + PyFormat.num(ry) + ")");
        int nx = (int) Math.ceil(orig.xCount * rx);
        int ny = (int) Math.ceil(orig.yCount * ry);
        int minProbes = Math.max(nx, ny) > 6 && Math.min(nx, ny) < 4 ? 4 : 3;
        nx = Math.max(minProbes, nx);
        ny = Math.max(minProbes, ny);
        respond.accept("Adapted probe count: (" + nx + "," + ny + ")");
        sizeX = Math.max(sizeX, nx);
        sizeY = Math.max(sizeY, ny);
        if (mc.radius != null) {
            double radius = Math.sqrt(sizeX * sizeX + sizeY * sizeY) / 2;
            double[] origin = {amin[0] + sizeX / 2, amin[1] + sizeY / 2};
            double toOrigin = Math.sqrt(origin[0] * origin[0] + origin[1] * origin[1]);
            if (radius + toOrigin < mc.radius) {
                mc.radius = radius;
                mc.origin = origin;
                mc.meshMin = new double[] {-radius, -radius};
                mc.meshMax = new double[] {radius, radius};
                int n = Math.max(nx, ny);
                n += 1 - (n % 2);
                mc.xCount = n;
                mc.yCount = n;
            }
        } else {
            mc.meshMin = amin;
            mc.meshMax = amax;
            mc.xCount = nx;
            mc.yCount = ny;
        }
        return true;
    }

    private static String tuple(double[] v) {
        return "(" + PyFormat.num(v[0]) + ", " + PyFormat.num(v[1]) + ")";
    }
}
