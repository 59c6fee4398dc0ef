/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.bedmesh.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.klipper4j.core.api.ConfigFile;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mesh profiles: read from [bed_mesh NAME] sections, saved and removed with
 * BED_MESH_PROFILE (staged for SAVE_CONFIG through the configfile object).
 */
final class ProfileManager {
    private static final Logger LOG = LoggerFactory.getLogger(ProfileManager.class);
    static final int PROFILE_VERSION = 1;
    static final String HELP = "Bed Mesh Persistent Storage management";

    private record Profile(double[][] points, MeshParams params) {
    }

    private final Printer printer;
    private final String name;
    private final BedMesh bedMesh;
    private Map<String, Profile> profiles = new LinkedHashMap<>();

    ProfileManager(ConfigSection config, BedMesh bedMesh) {
        this.printer = config.getPrinter();
        this.name = config.getName();
        this.bedMesh = bedMesh;
        for (ConfigSection s : config.getPrefixSections(name)) {
            if (!s.getName().startsWith(name + " ")) {
                continue;
            }
            String prof = s.getName().split(" ", 2)[1];
            int version = s.getInt("version", 0);
            if (version != PROFILE_VERSION) {
                LOG.info("bed_mesh: Profile [{}] not compatible with this version of bed_mesh."
                        + "  Profile Version: {} Current Version: {}", prof, version, PROFILE_VERSION);
                for (String option : s.getOptionNames()) {
                    s.markUsed(option);
                }
                continue;
            }
            List<double[]> rows = new ArrayList<>();
            for (List<String> row : s.getLists("points", null, ",")) {
                rows.add(row.stream().mapToDouble(v -> Double.parseDouble(v.strip())).toArray());
            }
            MeshParams params = new MeshParams(s.getFloat("min_x"), s.getFloat("max_x"), s.getFloat("min_y"),
                    s.getFloat("max_y"), s.getInt("x_count"), s.getInt("y_count"), s.getInt("mesh_x_pps"),
                    s.getInt("mesh_y_pps"), s.get("algo"), s.getFloat("tension"));
            profiles.put(prof, new Profile(rows.toArray(new double[0][]), params));
        }
    }

    /** The status' {@code profiles}: name -> {points, mesh_params}. */
    Map<String, Object> statusProfiles() {
        Map<String, Object> out = new LinkedHashMap<>();
        profiles.forEach((k, p) -> {
            List<List<Double>> pts = new ArrayList<>();
            for (double[] row : p.points()) {
                List<Double> r = new ArrayList<>();
                for (double z : row) {
                    r.add(z);
                }
                pts.add(List.copyOf(r));
            }
            out.put(k, Map.of("points", List.copyOf(pts), "mesh_params", p.params().asMap()));
        });
        return out;
    }

    void saveProfile(String prof) {
        ZMesh mesh = bedMesh.mesh();
        if (mesh == null) {
            bedMesh.respondInfo("Unable to save to profile [" + prof + "], the bed has not been probed");
            return;
        }
        double[][] probed = mesh.probedMatrix();
        StringBuilder z = new StringBuilder();
        for (List<Double> line : mesh.probedMatrixRounded()) {
            z.append("\n  ");
            List<String> vals = new ArrayList<>();
            for (double v : line) {
                vals.add(String.format(Locale.ROOT, "%.6f", v));
            }
            z.append(String.join(", ", vals));
        }
        String section = name + " " + prof;
        ConfigFile cfg = printer.findObject("configfile", ConfigFile.class).orElse(null);
        if (cfg != null) {
            cfg.set(section, "version", Integer.toString(PROFILE_VERSION));
            cfg.set(section, "points", z.toString());
            mesh.params().asMap().forEach((k, v) -> cfg.set(section, k, pyStr(v)));
        }
        Map<String, Profile> copy = new LinkedHashMap<>(profiles);
        copy.put(prof, new Profile(probed, mesh.params()));
        profiles = copy;
        bedMesh.respondInfo("Bed Mesh state has been saved to profile [" + prof + "]\n"
                + "for the current session.  The SAVE_CONFIG command will\n"
                + "update the printer config file and restart the printer.");
    }

    private static String pyStr(Object v) {
        return v instanceof Double d ? PyFormat.num(d) : String.valueOf(v);
    }

    void loadProfile(String prof, GCodeCommand gcmd) {
        Profile p = profiles.get(prof);
        if (p == null) {
            throw gcmd.error("bed_mesh: Unknown profile [" + prof + "]");
        }
        ZMesh mesh = new ZMesh(p.params(), prof);
        mesh.build(p.points());
        bedMesh.setMesh(mesh);
    }

    void removeProfile(String prof) {
        if (!profiles.containsKey(prof)) {
            bedMesh.respondInfo("No profile named [" + prof + "] to remove");
            return;
        }
        printer.findObject("configfile", ConfigFile.class).ifPresent(c -> c.removeSection(name + " " + prof));
        Map<String, Profile> copy = new LinkedHashMap<>(profiles);
        copy.remove(prof);
        profiles = copy;
        bedMesh.respondInfo("Profile [" + prof + "] removed from storage for this session.\n"
                + "The SAVE_CONFIG command will update the printer\n"
                + "configuration and restart the printer");
    }

    void cmdProfile(GCodeCommand gcmd) {
        for (String key : List.of("LOAD", "SAVE", "REMOVE")) {
            String prof = gcmd.get(key, null);
            if (prof == null) {
                continue;
            }
            if (prof.strip().isEmpty()) {
                throw gcmd.error("Value for parameter '" + key + "' must be specified");
            }
            switch (key) {
                case "LOAD" -> loadProfile(prof, gcmd);
                case "SAVE" -> saveProfile(prof);
                default -> removeProfile(prof);
            }
            return;
        }
        gcmd.respondInfo("Invalid syntax '" + gcmd.getCommandline() + "'");
    }
}
