/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.bedmesh.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.core.api.gcode.GCodeMoveState;
import org.klipper4j.core.api.motion.MoveTransform;
import org.klipper4j.core.api.motion.Toolhead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.Gson;

/**
 * {@code [bed_mesh]} (Klipper's BedMesh): the move transform that adds the mesh's Z
 * adjustment to every move (split along the mesh, faded out between fade_start and
 * fade_end), the BED_MESH_* commands and the {@code bed_mesh} status.
 */
final class BedMesh implements MoveTransform, StatusProvider {
    private static final Logger LOG = LoggerFactory.getLogger(BedMesh.class);
    /** fade_start/fade_end when fading is off: above any reachable Z. */
    static final double FADE_DISABLE = 0x7FFFFFFF;

    private final Printer printer;
    private final GCodeDispatch gcode;
    private final double horizontalMoveZ;
    private double fadeStart;
    private double fadeEnd;
    private final double fadeDist;
    private final Double baseFadeTarget;
    private double fadeTarget;
    private boolean logFadeComplete;
    private final MoveSplitter splitter;
    private final ProfileManager profiles;
    private final BedMeshCalibrate calibrate;
    private MoveTransform next;
    private ZMesh mesh;
    private double[] lastPosition = new double[4];

    BedMesh(ConfigSection config) {
        this.printer = config.getPrinter();
        printer.registerEventHandler(PrinterEvents.CONNECT, args -> handleConnect());
        this.gcode = printer.lookupObject("gcode", GCodeDispatch.class);
        this.calibrate = new BedMeshCalibrate(config, this);
        this.horizontalMoveZ = config.getFloat("horizontal_move_z", 5.);
        this.fadeStart = config.getFloat("fade_start", 1.);
        this.fadeEnd = config.getFloat("fade_end", 0.);
        this.fadeDist = fadeEnd - fadeStart;
        if (fadeDist <= 0.) {
            fadeStart = FADE_DISABLE;
            fadeEnd = FADE_DISABLE;
        }
        this.baseFadeTarget = config.getFloat("fade_target", null);
        this.splitter = new MoveSplitter(config.getFloat("split_delta_z", .025, Bounds.min(0.01)),
                config.getFloat("move_check_distance", 5., Bounds.min(3.)));
        this.profiles = new ProfileManager(config, this);
        gcode.registerCommand("BED_MESH_OUTPUT", this::cmdOutput, "Retrieve interpolated grid of probed z-points");
        gcode.registerCommand("BED_MESH_MAP", this::cmdMap, "Serialize mesh and output to terminal");
        gcode.registerCommand("BED_MESH_CLEAR", g -> setMesh(null), "Clear the Mesh so no z-adjustment is made");
        gcode.registerCommand("BED_MESH_OFFSET", this::cmdOffset, "Add X/Y offsets to the mesh lookup");
        gcode.registerCommand("BED_MESH_CALIBRATE", calibrate::cmdCalibrate, BedMeshCalibrate.HELP);
        gcode.registerCommand("BED_MESH_PROFILE", profiles::cmdProfile, ProfileManager.HELP);
        GCodeMoveState gcodeMove = printer.lookupObject(GCodeMoveState.NAME, GCodeMoveState.class);
        this.next = gcodeMove.setMoveTransform(this, false);
    }

    private void handleConnect() {
        if (next == null) {
            next = printer.lookupObject("toolhead", Toolhead.class);
        }
    }

    Printer printer() {
        return printer;
    }

    ZMesh mesh() {
        return mesh;
    }

    ProfileManager profiles() {
        return profiles;
    }

    void respondInfo(String msg) {
        gcode.respondInfo(msg);
    }

    /** Activates {@code newMesh} (null: none), applying the fade target; fails if the mesh exceeds the fade range. */
    void setMesh(ZMesh newMesh) {
        if (newMesh != null && fadeEnd != FADE_DISABLE) {
            logFadeComplete = true;
            double[] range = newMesh.zRange();
            if (baseFadeTarget == null) {
                fadeTarget = newMesh.zAverage();
            } else {
                fadeTarget = baseFadeTarget;
                if (!(range[0] <= fadeTarget && fadeTarget <= range[1]) && fadeTarget != 0.) {
                    double err = fadeTarget;
                    mesh = null;
                    fadeTarget = 0.;
                    throw new CommandError(String.format(Locale.ROOT,
                            "bed_mesh: ERROR, fade_target lies outside of mesh z range\n"
                                    + "min: %.4f, max: %.4f, fade_target: %.4f", range[0], range[1], err));
                }
            }
            if (fadeDist <= Math.max(Math.abs(range[0]), Math.abs(range[1]))) {
                mesh = null;
                fadeTarget = 0.;
                throw new CommandError(String.format(Locale.ROOT,
                        "bed_mesh:  Mesh extends outside of the fade range, please see the fade_start and"
                                + " fade_end options in example-extras.cfg. fade distance: %.2f mesh min: %.4f"
                                + "mesh max: %.4f", fadeDist, range[0], range[1]));
            }
        } else {
            fadeTarget = 0.;
        }
        mesh = newMesh;
        splitter.initialize(newMesh, fadeTarget);
        printer.lookupObject(GCodeMoveState.NAME, GCodeMoveState.class).resetLastPosition();
    }

    /** The share of the mesh applied at G-code height {@code z}: 1 below fade_start, 0 from fade_end. */
    double zFactor(double z) {
        if (z >= fadeEnd) {
            return 0.;
        }
        if (z >= fadeStart) {
            return (fadeEnd - z) / fadeDist;
        }
        return 1.;
    }

    @Override
    public double[] getPosition() {
        double[] pos = next.getPosition().clone();
        if (mesh == null) {
            pos[2] -= fadeTarget;
        } else {
            double x = pos[0];
            double y = pos[1];
            double z = pos[2];
            double maxAdj = mesh.calcZ(x, y);
            double factor = 1.;
            double zAdj = maxAdj - fadeTarget;
            if (Math.min(z, z - maxAdj) >= fadeEnd) {
                factor = 0.;
            } else if (Math.max(z, z - maxAdj) >= fadeStart) {
                // the G-code Z is not known yet: solve the fade for it from the toolhead Z
                factor = (fadeEnd + fadeTarget - z) / (fadeDist - zAdj);
                factor = Math.max(0., Math.min(1., factor));
            }
            pos[2] = z - (factor * zAdj + fadeTarget);
        }
        lastPosition = pos.clone();
        return pos;
    }

    @Override
    public void move(double[] newpos, double speed) {
        double factor = zFactor(newpos[2]);
        if (mesh == null || factor == 0.) {
            if (logFadeComplete) {
                logFadeComplete = false;
                LOG.info("bed_mesh fade complete: Current Z: {} fade_target: {}", newpos[2], fadeTarget);
            }
            double[] pos = newpos.clone();
            pos[2] += fadeTarget;
            next.move(pos, speed);
        } else {
            for (double[] seg : splitter.split(lastPosition, newpos, factor)) {
                next.move(seg, speed);
            }
        }
        lastPosition = newpos.clone();
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("profile_name", "");
        status.put("mesh_min", List.of(0., 0.));
        status.put("mesh_max", List.of(0., 0.));
        status.put("probed_matrix", List.of(List.of()));
        status.put("mesh_matrix", List.of(List.of()));
        status.put("profiles", profiles.statusProfiles());
        if (mesh != null) {
            MeshParams p = mesh.params();
            status.put("profile_name", mesh.profileName());
            status.put("mesh_min", List.of(p.minX(), p.minY()));
            status.put("mesh_max", List.of(p.maxX(), p.maxY()));
            status.put("probed_matrix", mesh.probedMatrixRounded());
            status.put("mesh_matrix", mesh.meshMatrixRounded());
        }
        return status;
    }

    private void cmdOutput(GCodeCommand gcmd) {
        if (gcmd.getInt("PGP", 0) != 0) {
            printGeneratedPoints(gcmd);
        } else if (mesh == null) {
            gcmd.respondInfo("Bed has not been probed");
        } else {
            mesh.printProbedMatrix(gcmd::respondInfo);
            mesh.printMesh(gcmd::respondRaw, horizontalMoveZ);
        }
    }

    private void printGeneratedPoints(GCodeCommand gcmd) {
        MeshPoints pts = calibrate.points();
        StringBuilder msg = new StringBuilder("bed_mesh: generated points\nIndex | Tool Adjusted | Probe\n");
        List<double[]> base = pts.basePoints();
        for (int i = 0; i < base.size(); i++) {
            double[] p = base.get(i);
            msg.append(String.format(Locale.ROOT, "%d | (%.1f, %.1f) | (%.1f, %.1f)\n", i, p[0], p[1], p[0], p[1]));
        }
        if (pts.zeroRef() != null) {
            msg.append(String.format(Locale.ROOT, "bed_mesh: zero_reference_position is (%.2f, %.2f)\n",
                    pts.zeroRef()[0], pts.zeroRef()[1]));
        }
        pts.substitutes().forEach((i, subs) -> {
            msg.append(String.format(Locale.ROOT, "bed_mesh: faulty point at index %d replaced by:", i));
            for (double[] s : subs) {
                msg.append(String.format(Locale.ROOT, " (%.2f, %.2f)", s[0], s[1]));
            }
            msg.append('\n');
        });
        gcmd.respondInfo(msg.toString().stripTrailing());
    }

    private void cmdMap(GCodeCommand gcmd) {
        if (mesh == null) {
            gcmd.respondInfo("Bed has not been probed");
            return;
        }
        MeshParams p = mesh.params();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mesh_min", List.of(p.minX(), p.minY()));
        out.put("mesh_max", List.of(p.maxX(), p.maxY()));
        out.put("z_positions", mesh.probedMatrixRounded());
        gcmd.respondRaw("mesh_map_output " + new Gson().toJson(out).replace(",", ", ").replace(":", ": "));
    }

    private void cmdOffset(GCodeCommand gcmd) {
        if (mesh == null) {
            gcmd.respondInfo("No mesh loaded to offset");
            return;
        }
        mesh.setMeshOffsets(gcmd.getFloat("X", null), gcmd.getFloat("Y", null));
        printer.lookupObject(GCodeMoveState.NAME, GCodeMoveState.class).resetLastPosition();
    }
}
