/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.leveling.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigFile;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.core.api.motion.DeltaCalibration;
import org.klipper4j.core.api.motion.DeltaCalibrationProvider;
import org.klipper4j.core.api.motion.Kinematics;
import org.klipper4j.core.api.motion.Stepper;
import org.klipper4j.core.api.motion.Toolhead;
import org.klipper4j.extras.probe.api.ProbePointsHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code [delta_calibrate]}: DELTA_CALIBRATE probes heights and fits the delta geometry to
 * them; DELTA_ANALYZE adds manual heights and calibration-object measurements for the
 * extended calibration. Results are staged for SAVE_CONFIG, as Klipper does; the running
 * kinematics keep their parameters until the restart.
 */
final class DeltaCalibrate {
    private static final Logger LOG = LoggerFactory.getLogger(DeltaCalibrate.class);
    private static final String SECTION = "delta_calibrate";
    /** How much to prefer a distance measurement over a height measurement. */
    private static final double MEASURE_WEIGHT = 0.5;
    private static final double ERROR_OF_IMPOSSIBLE_GEOMETRY = 9999999999999.9;
    private static final Map<String, Integer> ANALYZE_ARGS = new LinkedHashMap<>();

    static {
        ANALYZE_ARGS.put("CENTER_DISTS", 6);
        ANALYZE_ARGS.put("CENTER_PILLAR_WIDTHS", 3);
        ANALYZE_ARGS.put("OUTER_DISTS", 6);
        ANALYZE_ARGS.put("OUTER_PILLAR_WIDTHS", 6);
        ANALYZE_ARGS.put("SCALE", 1);
    }

    /** A height (z) measured at a stable position. */
    record Height(double z, double[] pos) {
    }

    private final Printer printer;
    private final GCodeDispatch gcode;
    private final ProbePointsHelper probeHelper;
    private final List<Height> lastProbePositions = new ArrayList<>();
    private final List<Height> manualHeights = new ArrayList<>();
    private final List<DeltaMeasurements.Distance> lastDistances = new ArrayList<>();
    private final Map<String, double[]> analyzeEntry = new LinkedHashMap<>();

    DeltaCalibrate(ConfigSection config) {
        printer = config.getPrinter();
        printer.registerEventHandler(PrinterEvents.CONNECT, args -> handleConnect());
        double radius = config.getFloat("radius", null, Bounds.above(0.));
        probeHelper = new ProbePointsHelper(config, this::probeFinalize, defaultPoints(radius));
        probeHelper.minimumPoints(3);
        for (int i = 0; i < 999; i++) {
            Double height = config.getFloat("height" + i, null);
            if (height == null) {
                break;
            }
            lastProbePositions.add(new Height(height, stable(config, "height" + i + "_pos")));
        }
        for (int i = 0; i < 999; i++) {
            Double height = config.getFloat("manual_height" + i, null);
            if (height == null) {
                break;
            }
            manualHeights.add(new Height(height, stable(config, "manual_height" + i + "_pos")));
        }
        analyzeEntry.put("SCALE", new double[] {1.});
        for (int i = 0; i < 999; i++) {
            Double dist = config.getFloat("distance" + i, null);
            if (dist == null) {
                break;
            }
            lastDistances.add(new DeltaMeasurements.Distance(dist, stable(config, "distance" + i + "_pos1"),
                    stable(config, "distance" + i + "_pos2")));
        }
        gcode = printer.lookupObject("gcode", GCodeDispatch.class);
        gcode.registerCommand("DELTA_CALIBRATE", probeHelper::startProbe, "Delta calibration script");
        gcode.registerCommand("DELTA_ANALYZE", this::cmdDeltaAnalyze, "Extended delta calibration tool");
    }

    /** The centre and six points around it at 95% ... 70% of the radius. */
    static List<double[]> defaultPoints(double radius) {
        List<double[]> points = new ArrayList<>();
        points.add(new double[] {0., 0.});
        double[] scatter = {.95, .90, .85, .70, .75, .80};
        for (int i = 0; i < 6; i++) {
            double r = Math.toRadians(90. + 60. * i);
            double dist = radius * scatter[i];
            points.add(new double[] {Math.cos(r) * dist, Math.sin(r) * dist});
        }
        return points;
    }

    private static double[] stable(ConfigSection config, String option) {
        String spos = config.get(option);
        String[] parts = spos.split(",", -1);
        try {
            if (parts.length != 3) {
                throw new NumberFormatException();
            }
            return new double[] {Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip()),
                Double.parseDouble(parts[2].strip())};
        } catch (NumberFormatException e) {
            throw new ConfigException("Unable to parse stable position '" + spos + "'");
        }
    }

    private Kinematics kinematics() {
        return printer.lookupObject("toolhead", Toolhead.class).getKinematics();
    }

    private DeltaCalibration calibration() {
        return ((DeltaCalibrationProvider) kinematics()).getCalibration();
    }

    private void handleConnect() {
        if (!(kinematics() instanceof DeltaCalibrationProvider)) {
            throw new ConfigException("Delta calibrate is only for delta printers");
        }
    }

    private boolean probeFinalize(double[] offsets, List<double[]> positions) {
        DeltaCalibration params = calibration();
        List<Height> probePositions = new ArrayList<>();
        for (double[] p : positions) {
            probePositions.add(new Height(offsets[2], params.stablePosition(p)));
        }
        calculateParams(probePositions, lastDistances);
        return false;
    }

    private static double distance(double[] a, double[] b) {
        double dx = a[0] - b[0];
        double dy = a[1] - b[1];
        double dz = a[2] - b[2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    /** Klipper's error of a candidate geometry: weighted squared height errors plus squared distance errors. */
    static double error(DeltaCalibration candidate, List<Height> heights, double zWeight,
            List<DeltaMeasurements.Distance> distances) {
        double total = 0.;
        for (Height h : heights) {
            double d = candidate.positionFromStable(h.pos())[2] - h.z();
            total += d * d;
        }
        total *= zWeight;
        for (DeltaMeasurements.Distance dist : distances) {
            double d = distance(candidate.positionFromStable(dist.pos1()), candidate.positionFromStable(dist.pos2()))
                    - dist.distance();
            total += d * d;
        }
        // Klipper's trilateration raises on an impossible geometry; Java gives NaN
        return Double.isNaN(total) ? ERROR_OF_IMPOSSIBLE_GEOMETRY : total;
    }

    /** The fitted geometry for the heights (manual first) and distances. */
    static DeltaCalibration fit(DeltaCalibration orig, List<Height> heights, int probeCount,
            List<DeltaMeasurements.Distance> distances) {
        double zWeight = distances.isEmpty() ? 1. : distances.size() / (MEASURE_WEIGHT * probeCount);
        List<String> adjustable = orig.adjustableParams(!distances.isEmpty());
        Map<String, Double> best = CoordinateDescent.minimize(adjustable, orig.params(), p -> {
            try {
                return error(orig.withParams(p), heights, zWeight, distances);
            } catch (ArithmeticException | IllegalArgumentException e) {
                return ERROR_OF_IMPOSSIBLE_GEOMETRY;
            }
        });
        return orig.withParams(best);
    }

    private void calculateParams(List<Height> probePositions, List<DeltaMeasurements.Distance> distances) {
        List<Height> heights = new ArrayList<>(manualHeights);
        heights.addAll(probePositions);
        DeltaCalibration orig = calibration();
        DeltaCalibration result = fit(orig, heights, probePositions.size(), distances);
        LOG.info("Calculated delta_calibrate parameters: {}", result.params());
        saveState(probePositions, distances, result);
        gcode.respondInfo("The SAVE_CONFIG command will update the printer config file\n"
                + "with these parameters and restart the printer.");
    }

    private static String stableText(double[] p) {
        return String.format(Locale.ROOT, "%.3f,%.3f,%.3f", p[0], p[1], p[2]);
    }

    private void saveState(List<Height> probePositions, List<DeltaMeasurements.Distance> distances,
            DeltaCalibration params) {
        ConfigFile configfile = printer.lookupObject("configfile", ConfigFile.class);
        params.savedOptions().forEach((section, options) -> options.forEach(
                (option, value) -> configfile.set(section, option, value)));
        gcode.respondInfo(params.summary());
        configfile.removeSection(SECTION);
        for (int i = 0; i < probePositions.size(); i++) {
            configfile.set(SECTION, "height" + i, PyFloat.repr(probePositions.get(i).z()));
            configfile.set(SECTION, "height" + i + "_pos", stableText(probePositions.get(i).pos()));
        }
        for (int i = 0; i < manualHeights.size(); i++) {
            configfile.set(SECTION, "manual_height" + i, PyFloat.repr(manualHeights.get(i).z()));
            configfile.set(SECTION, "manual_height" + i + "_pos", stableText(manualHeights.get(i).pos()));
        }
        for (int i = 0; i < distances.size(); i++) {
            DeltaMeasurements.Distance d = distances.get(i);
            configfile.set(SECTION, "distance" + i, PyFloat.repr(d.distance()));
            configfile.set(SECTION, "distance" + i + "_pos1", stableText(d.pos1()));
            configfile.set(SECTION, "distance" + i + "_pos2", stableText(d.pos2()));
        }
    }

    private void addManualHeight(double height) {
        Toolhead toolhead = printer.lookupObject("toolhead", Toolhead.class);
        toolhead.flushStepGeneration();
        Kinematics kin = toolhead.getKinematics();
        Map<String, Double> spos = new HashMap<>();
        for (Stepper s : kin.getSteppers()) {
            spos.put(s.getName(), s.getCommandedPosition());
        }
        double[] kinPos = kin.calcPosition(spos);
        manualHeights.add(new Height(height, calibration().stablePosition(kinPos)));
        gcode.respondInfo(String.format(Locale.ROOT, "Adding manual height: %.3f,%.3f,%.3f is actually z=%.3f",
                kinPos[0], kinPos[1], kinPos[2], height));
    }

    private void doExtendedCalibration() {
        List<DeltaMeasurements.Distance> distances;
        if (analyzeEntry.size() <= 1) {
            distances = lastDistances;
        } else if (analyzeEntry.size() < 5) {
            throw new CommandError("Not all measurements provided");
        } else {
            distances = DeltaMeasurements.toDistances(analyzeEntry, calibration());
        }
        if (lastProbePositions.isEmpty()) {
            throw new CommandError("Must run basic calibration with DELTA_CALIBRATE first");
        }
        calculateParams(lastProbePositions, distances);
    }

    private void cmdDeltaAnalyze(GCodeCommand gcmd) {
        Double manualHeight = gcmd.getFloat("MANUAL_HEIGHT", null);
        if (manualHeight != null) {
            addManualHeight(manualHeight);
            return;
        }
        for (Map.Entry<String, Integer> arg : ANALYZE_ARGS.entrySet()) {
            String name = arg.getKey();
            String data = gcmd.get(name, null);
            if (data == null) {
                continue;
            }
            String[] parts = data.split(",", -1);
            double[] values = new double[parts.length];
            try {
                for (int i = 0; i < parts.length; i++) {
                    values[i] = Double.parseDouble(parts[i].strip());
                }
            } catch (NumberFormatException e) {
                throw gcmd.error("Unable to parse parameter '" + name + "'");
            }
            if (values.length != arg.getValue()) {
                throw gcmd.error("Parameter '" + name + "' must have " + arg.getValue() + " values");
            }
            analyzeEntry.put(name, values);
        }
        String action = gcmd.get("CALIBRATE", null);
        if (action != null) {
            if (!action.equals("extended")) {
                throw gcmd.error("Unknown calibrate action");
            }
            doExtendedCalibration();
        }
    }
}
