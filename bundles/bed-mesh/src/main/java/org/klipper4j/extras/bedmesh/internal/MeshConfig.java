/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.bedmesh.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;

/**
 * The probing layout of a [bed_mesh] section: rectangular (mesh_min, mesh_max,
 * probe_count) or round (mesh_radius, mesh_origin, round_probe_count), pps,
 * algorithm, tension, faulty regions and the zero reference.
 */
final class MeshConfig {
    static final List<String> ALGORITHMS = List.of("lagrange", "bicubic");

    Double radius;
    double[] origin = {0., 0.};
    double[] meshMin;
    double[] meshMax;
    int xCount;
    int yCount;
    int xPps;
    int yPps;
    String algo;
    double tension;
    final List<MeshPoints.Region> faultyRegions = new ArrayList<>();
    double[] zeroRef;
    Integer relativeReferenceIndex;

    MeshConfig copy() {
        MeshConfig c = new MeshConfig();
        c.radius = radius;
        c.origin = origin.clone();
        c.meshMin = meshMin.clone();
        c.meshMax = meshMax.clone();
        c.xCount = xCount;
        c.yCount = yCount;
        c.xPps = xPps;
        c.yPps = yPps;
        c.algo = algo;
        c.tension = tension;
        c.faultyRegions.addAll(faultyRegions);
        c.zeroRef = zeroRef;
        c.relativeReferenceIndex = relativeReferenceIndex;
        return c;
    }

    static MeshConfig read(ConfigSection config) {
        MeshConfig mc = new MeshConfig();
        mc.radius = config.getFloat("mesh_radius", null, Bounds.above(0.));
        if (mc.radius != null) {
            mc.origin = pairOfFloats(config, "mesh_origin", new double[] {0., 0.});
            int cnt = config.getInt("round_probe_count", 5, 3, null);
            if ((cnt & 1) == 0) {
                throw new ConfigException("bed_mesh: probe_count must be odd for round beds");
            }
            mc.radius = Math.floor(mc.radius * 10) / 10;
            mc.xCount = cnt;
            mc.yCount = cnt;
            mc.meshMin = new double[] {-mc.radius, -mc.radius};
            mc.meshMax = new double[] {mc.radius, mc.radius};
        } else {
            int[] cnt = intPair(config, "probe_count", 3, 3);
            mc.xCount = cnt[0];
            mc.yCount = cnt[1];
            mc.meshMin = pairOfFloats(config, "mesh_min", null);
            mc.meshMax = pairOfFloats(config, "mesh_max", null);
            if (mc.meshMax[0] <= mc.meshMin[0] || mc.meshMax[1] <= mc.meshMin[1]) {
                throw new ConfigException("bed_mesh: invalid min/max points");
            }
        }
        int[] pps = intPair(config, "mesh_pps", 2, 0);
        mc.xPps = pps[0];
        mc.yPps = pps[1];
        mc.algo = config.get("algorithm", "lagrange").strip().toLowerCase(Locale.ROOT);
        mc.tension = config.getFloat("bicubic_tension", .2, Bounds.range(0., 2.));
        for (int i = 1; i < 100; i++) {
            double[] start = pairOfFloats(config, "faulty_region_" + i + "_min", NONE);
            if (start == NONE) {
                break;
            }
            double[] end = pairOfFloats(config, "faulty_region_" + i + "_max", null);
            mc.addFaultyRegion(i, start, end);
        }
        mc.zeroRef = pairOfFloats(config, "zero_reference_position", NONE);
        if (mc.zeroRef == NONE) {
            mc.zeroRef = null;
        }
        mc.relativeReferenceIndex = config.getInt("relative_reference_index", null, 0, null);
        try {
            mc.verifyAlgorithm();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
        return mc;
    }

    private static final double[] NONE = new double[0];

    private void addFaultyRegion(int index, double[] start, double[] end) {
        double[] c1 = {Math.min(start[0], end[0]), Math.min(start[1], end[1])};
        double[] c3 = {Math.max(start[0], end[0]), Math.max(start[1], end[1])};
        double[] c2 = {c1[0], c3[1]};
        double[] c4 = {c3[0], c1[1]};
        for (int j = 0; j < faultyRegions.size(); j++) {
            MeshPoints.Region prev = faultyRegions.get(j);
            double[] p1 = prev.min();
            double[] p3 = prev.max();
            double[][] prevCorners = {p1, {p1[0], p3[1]}, p3, {p3[0], p1[1]}};
            boolean overlap = false;
            for (double[] c : prevCorners) {
                overlap |= MeshPoints.within(c, c1, c3, 0.);
            }
            for (double[] c : new double[][] {c1, c2, c3, c4}) {
                overlap |= MeshPoints.within(c, p1, p3, 0.);
            }
            if (overlap) {
                throw new ConfigException(String.format(Locale.ROOT,
                        "bed_mesh: Existing faulty_region_%d %s overlaps added faulty_region_%d %s",
                        j + 1, regionRepr(p1, p3), index, regionRepr(c1, c3)));
            }
        }
        faultyRegions.add(new MeshPoints.Region(c1, c3));
    }

    private static String regionRepr(double[] a, double[] b) {
        return "[" + PyFormat.list(a) + ", " + PyFormat.list(b) + "]";
    }

    /** Checks the algorithm against the probe counts; may fall back to lagrange or none (Klipper's rules). */
    void verifyAlgorithm() {
        if (!ALGORITHMS.contains(algo) && !"direct".equals(algo)) {
            throw new IllegalArgumentException("bed_mesh: Unknown algorithm <" + algo + ">");
        }
        int maxCnt = Math.max(xCount, yCount);
        int minCnt = Math.min(xCount, yCount);
        if (Math.max(xPps, yPps) == 0) {
            algo = "direct";
        } else if (algo.equals("lagrange") && maxCnt > 6) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "bed_mesh: cannot exceed a probe_count of 6 when using lagrange interpolation."
                            + " Configured Probe Count: %d, %d", xCount, yCount));
        } else if (algo.equals("bicubic") && minCnt < 4) {
            if (maxCnt > 6) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "bed_mesh: invalid probe_count option when using bicubic interpolation.  Combination of"
                                + " 3 points on one axis with more than 6 on another is not permitted."
                                + " Configured Probe Count: %d, %d", xCount, yCount));
            }
            algo = "lagrange";
        }
    }

    /** A pair of floats; {@code dflt == NONE} returns NONE when absent, null makes it required. */
    private static double[] pairOfFloats(ConfigSection config, String option, double[] dflt) {
        if (dflt != null && !config.hasOption(option)) {
            return dflt;
        }
        List<Double> v = config.getFloatList(option, null, ",");
        if (v.size() != 2) {
            throw new ConfigException("Option '" + option + "' in section '" + config.getName()
                    + "' must have 2 elements");
        }
        return new double[] {v.get(0), v.get(1)};
    }

    private static int[] intPair(ConfigSection config, String option, int dflt, int minval) {
        List<Integer> v = config.getIntList(option, List.of(dflt, dflt), ",");
        if (v.size() != 2 && v.size() != 1) {
            throw new ConfigException("bed_mesh: malformed '" + option + "' value: " + config.get(option));
        }
        int[] pair = v.size() == 1 ? new int[] {v.get(0), v.get(0)} : new int[] {v.get(0), v.get(1)};
        if (pair[0] < minval || pair[1] < minval) {
            throw new ConfigException("Option '" + option + "' in section bed_mesh must have a minimum of " + minval);
        }
        return pair;
    }

    @Override
    public String toString() {
        return "MeshConfig" + Arrays.toString(meshMin) + Arrays.toString(meshMax) + xCount + "x" + yCount;
    }
}
