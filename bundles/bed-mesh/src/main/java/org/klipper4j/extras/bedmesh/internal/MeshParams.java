/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.bedmesh.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters a mesh is built from (and a profile stores): the probed area, the
 * probe counts, the points interpolated per segment, the algorithm and its tension.
 */
record MeshParams(double minX, double maxX, double minY, double maxY, int xCount, int yCount,
        int xPps, int yPps, String algo, double tension) {

    MeshParams withBounds(double nMinX, double nMaxX, double nMinY, double nMaxY) {
        return new MeshParams(nMinX, nMaxX, nMinY, nMaxY, xCount, yCount, xPps, yPps, algo, tension);
    }

    MeshParams withAlgo(String nAlgo) {
        return new MeshParams(minX, maxX, minY, maxY, xCount, yCount, xPps, yPps, nAlgo, tension);
    }

    /** The options as Klipper's profiles and status name them, in its order. */
    Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("min_x", minX);
        m.put("max_x", maxX);
        m.put("min_y", minY);
        m.put("max_y", maxY);
        m.put("x_count", xCount);
        m.put("y_count", yCount);
        m.put("mesh_x_pps", xPps);
        m.put("mesh_y_pps", yPps);
        m.put("algo", algo);
        m.put("tension", tension);
        return m;
    }
}
