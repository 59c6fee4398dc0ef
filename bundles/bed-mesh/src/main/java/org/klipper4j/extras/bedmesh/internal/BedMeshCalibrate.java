/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.bedmesh.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.extras.probe.api.ProbePointsHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BED_MESH_CALIBRATE: probes the generated points (with the probe, or by hand with
 * METHOD=manual), builds the mesh from the results and activates it, saving it under
 * PROFILE (default "default"). Layout parameters of the command override the config
 * for one run.
 */
final class BedMeshCalibrate {
    private static final Logger LOG = LoggerFactory.getLogger(BedMeshCalibrate.class);
    static final String HELP = "Perform Mesh Bed Leveling";

    private final BedMesh bedMesh;
    private final MeshConfig origConfig;
    private MeshConfig current;
    private MeshPoints points;
    private final ProbePointsHelper probeHelper;
    private final double adaptiveMargin;
    /** The profile the next mesh is saved as; null for an adaptive mesh (not saved). */
    private String profileName = "default";

    BedMeshCalibrate(ConfigSection config, BedMesh bedMesh) {
        this.bedMesh = bedMesh;
        this.origConfig = MeshConfig.read(config);
        this.adaptiveMargin = config.getFloat("adaptive_margin", 0.);
        config.getFloat("scan_overshoot", 0.);
        this.current = origConfig;
        try {
            this.points = generate(origConfig, false);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
        this.probeHelper = new ProbePointsHelper(config, this::probeFinalize, points.probePath());
        probeHelper.minimumPoints(3);
        probeHelper.useXyOffsets(true);
    }

    private static MeshPoints generate(MeshConfig mc, boolean manual) {
        return MeshPoints.generate(mc.meshMin, mc.meshMax, mc.xCount, mc.yCount, mc.radius, mc.origin,
                mc.faultyRegions, mc.zeroRef, mc.relativeReferenceIndex, manual);
    }

    MeshPoints points() {
        return points;
    }

    void cmdCalibrate(GCodeCommand gcmd) {
        profileName = gcmd.get("PROFILE", "default");
        if (profileName.strip().isEmpty()) {
            throw gcmd.error("Value for parameter 'PROFILE' must be specified");
        }
        bedMesh.setMesh(null);
        boolean manual = gcmd.get("METHOD", "automatic").toLowerCase(Locale.ROOT).equals("manual");
        try {
            current = overrides(gcmd);
            points = generate(current, manual);
        } catch (IllegalArgumentException e) {
            throw gcmd.error(e.getMessage());
        }
        probeHelper.updateProbePoints(points.probePath(), 3);
        probeHelper.startProbe(gcmd);
    }

    /** The config with the command's layout parameters applied. */
    private MeshConfig overrides(GCodeCommand gcmd) {
        MeshConfig mc = origConfig.copy();
        boolean changed = false;
        if (mc.radius != null) {
            if (gcmd.has("MESH_RADIUS")) {
                mc.radius = Math.floor(gcmd.getFloat("MESH_RADIUS") * 10) / 10;
                changed = true;
            }
            if (gcmd.has("MESH_ORIGIN")) {
                mc.origin = coord(gcmd, "MESH_ORIGIN");
                changed = true;
            }
            if (gcmd.has("ROUND_PROBE_COUNT")) {
                int cnt = gcmd.getInt("ROUND_PROBE_COUNT", null, 3, null);
                mc.xCount = cnt;
                mc.yCount = cnt;
                changed = true;
            }
            mc.meshMin = new double[] {-mc.radius, -mc.radius};
            mc.meshMax = new double[] {mc.radius, mc.radius};
        } else {
            if (gcmd.has("MESH_MIN")) {
                mc.meshMin = coord(gcmd, "MESH_MIN");
                changed = true;
            }
            if (gcmd.has("MESH_MAX")) {
                mc.meshMax = coord(gcmd, "MESH_MAX");
                changed = true;
            }
            if (gcmd.has("PROBE_COUNT")) {
                int[] cnt = intPair(gcmd, "PROBE_COUNT", 3);
                mc.xCount = cnt[0];
                mc.yCount = cnt[1];
                changed = true;
            }
        }
        if (gcmd.has("RELATIVE_REFERENCE_INDEX")) {
            int rri = gcmd.getInt("RELATIVE_REFERENCE_INDEX");
            mc.relativeReferenceIndex = rri < 0 ? null : rri;
            changed = true;
        }
        if (gcmd.has("ALGORITHM")) {
            mc.algo = gcmd.get("ALGORITHM").strip().toLowerCase(Locale.ROOT);
            changed = true;
        }
        if (gcmd.getInt("ADAPTIVE", 0) != 0) {
            StatusProvider exclude = bedMesh.printer().findObject("exclude_object", StatusProvider.class).orElse(null);
            if (exclude == null) {
                gcmd.respondInfo("Exclude objects not enabled. Using full mesh...");
            } else {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> objects = (List<Map<String, Object>>) exclude.getStatus(0.)
                        .getOrDefault("objects", List.of());
                double margin = gcmd.getFloat("ADAPTIVE_MARGIN", adaptiveMargin);
                if (AdaptiveMesh.adapt(mc, origConfig, objects, margin, gcmd::respondInfo)) {
                    changed = true;
                    profileName = null;
                }
            }
        }
        if (changed) {
            mc.verifyAlgorithm();
        }
        return mc;
    }

    private static double[] coord(GCodeCommand gcmd, String name) {
        String[] parts = gcmd.get(name).split(",");
        try {
            if (parts.length == 2) {
                return new double[] {Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip())};
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw gcmd.error("Unable to parse parameter '" + name + "'");
    }

    private static int[] intPair(GCodeCommand gcmd, String name, int minval) {
        String[] parts = gcmd.get(name).split(",");
        int[] pair;
        try {
            if (parts.length == 1) {
                int v = Integer.parseInt(parts[0].strip());
                pair = new int[] {v, v};
            } else if (parts.length == 2) {
                pair = new int[] {Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip())};
            } else {
                throw gcmd.error("Unable to parse parameter '" + name + "'");
            }
        } catch (NumberFormatException e) {
            throw gcmd.error("Unable to parse parameter '" + name + "'");
        }
        if (pair[0] < minval || pair[1] < minval) {
            throw gcmd.error("Parameter '" + name + "' must have a minimum of " + minval);
        }
        return pair;
    }

    /** The probe helper's callback: builds and activates the mesh. Never asks for a retry. */
    boolean probeFinalize(double[] offsets, List<double[]> rawPositions) {
        double zOffset = offsets[2];
        List<double[]> positions = new ArrayList<>();
        for (double[] p : rawPositions) {
            positions.add(new double[] {PyRound.round(p[0], 2), PyRound.round(p[1], 2), p[2]});
        }
        if (points.zeroRefMode() == MeshPoints.ZeroRefMode.PROBE) {
            double[] ref = positions.remove(positions.size() - 1);
            LOG.info("bed_mesh: z-offset replaced with probed z value at position ({}, {}, {})",
                    ref[0], ref[1], ref[2]);
            zOffset = ref[2];
        }
        List<double[]> base = points.basePoints();
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (double[] p : base) {
            minX = Math.min(minX, p[0]);
            maxX = Math.max(maxX, p[0]);
            minY = Math.min(minY, p[1]);
            maxY = Math.max(maxY, p[1]);
        }
        MeshParams params = new MeshParams(minX, maxX, minY, maxY, current.xCount, current.yCount,
                current.xPps, current.yPps, current.algo, current.tension);
        positions = ProbedMatrix.mergeSubstitutes(positions, base, points.substitutes(), offsets);
        double[][] probed;
        try {
            probed = ProbedMatrix.build(base, positions, zOffset, current.xCount, current.yCount,
                    current.radius != null);
        } catch (IllegalArgumentException e) {
            throw new CommandError(e.getMessage());
        }
        ZMesh mesh = new ZMesh(params, profileName != null ? profileName
                : "adaptive-" + Integer.toHexString(System.identityHashCode(params)).toUpperCase(Locale.ROOT));
        mesh.build(probed);
        if (points.zeroRefMode() == MeshPoints.ZeroRefMode.IN_MESH) {
            // the reference may be anywhere in the mesh: look it up in the built mesh
            mesh.setZeroReference(points.zeroRef()[0], points.zeroRef()[1]);
        }
        bedMesh.setMesh(mesh);
        bedMesh.respondInfo("Mesh Bed Leveling Complete");
        if (profileName != null) {
            bedMesh.profiles().saveProfile(profileName);
        }
        return false;
    }
}
