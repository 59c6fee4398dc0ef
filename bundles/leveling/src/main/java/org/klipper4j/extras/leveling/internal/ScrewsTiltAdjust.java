/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.leveling.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.extras.probe.api.ProbePointsHelper;

/**
 * {@code [screws_tilt_adjust]}: SCREWS_TILT_CALCULATE probes each screw and tells how far to
 * turn every screw (in turns and minutes) to bring it to the base screw's height.
 */
final class ScrewsTiltAdjust implements StatusProvider {
    private record Screw(double x, double y, String name) {
    }

    private static final List<String> THREADS = List.of("CW-M3", "CCW-M3", "CW-M4", "CCW-M4", "CW-M5", "CCW-M5",
            "CW-M6", "CCW-M6");
    private static final double[] THREAD_FACTORS = {0.5, 0.5, 0.7, 0.7, 0.8, 0.8, 1.0, 1.0};

    private final List<Screw> screws = new ArrayList<>();
    private final int thread;
    private final ProbePointsHelper probeHelper;
    private final GCodeDispatch gcode;
    private Map<String, Object> results = new LinkedHashMap<>();
    private Double maxDiff;
    private boolean maxDiffError;
    private String direction;

    ScrewsTiltAdjust(ConfigSection config) {
        for (int i = 1; i < 100; i++) {
            String prefix = "screw" + i;
            if (config.get(prefix, null) == null) {
                break;
            }
            List<Double> coord = config.getFloatList(prefix, null, ",");
            if (coord.size() != 2) {
                throw new ConfigException("Option '" + prefix + "' in section '" + config.getName()
                        + "' must have 2 elements");
            }
            String name = config.get(prefix + "_name",
                    String.format(Locale.ROOT, "screw at %.3f,%.3f", coord.get(0), coord.get(1)));
            screws.add(new Screw(coord.get(0), coord.get(1), name));
        }
        if (screws.size() < 3) {
            throw new ConfigException("screws_tilt_adjust: Must have at least three screws");
        }
        Map<String, Integer> choices = new LinkedHashMap<>();
        for (int i = 0; i < THREADS.size(); i++) {
            choices.put(THREADS.get(i), i);
        }
        thread = config.getChoice("screw_thread", choices, "CW-M3");
        List<double[]> points = screws.stream().map(s -> new double[] {s.x(), s.y()}).toList();
        probeHelper = new ProbePointsHelper(config, this::probeFinalize, new ArrayList<>(points));
        probeHelper.minimumPoints(3);
        probeHelper.useXyOffsets(true);
        gcode = config.getPrinter().lookupObject("gcode", GCodeDispatch.class);
        gcode.registerCommand("SCREWS_TILT_CALCULATE", this::cmdScrewsTiltCalculate,
                "Tool to help adjust bed leveling screws by calculating the number of turns to level it.");
    }

    private void cmdScrewsTiltCalculate(GCodeCommand gcmd) {
        maxDiff = gcmd.getFloat("MAX_DEVIATION", null);
        String dir = gcmd.get("DIRECTION", null);
        if (dir != null) {
            dir = dir.toUpperCase(Locale.ROOT);
            if (!dir.equals("CW") && !dir.equals("CCW")) {
                throw gcmd.error("Error on '" + gcmd.getCommandline() + "': DIRECTION must be either CW or CCW");
            }
        }
        direction = dir;
        probeHelper.startProbe(gcmd);
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("error", maxDiffError);
        status.put("max_deviation", maxDiff);
        status.put("results", results);
        return status;
    }

    private int baseIndex(List<double[]> positions, boolean clockwise) {
        if (direction == null) {
            return 0;
        }
        boolean useMax = clockwise == direction.equals("CW");
        int best = 0;
        for (int i = 1; i < positions.size(); i++) {
            double z = positions.get(i)[2];
            // first of equal values wins, as Python's max/min
            if (useMax ? z > positions.get(best)[2] : z < positions.get(best)[2]) {
                best = i;
            }
        }
        return best;
    }

    /** Reports the turns per screw for the probed positions (one per screw, in order). */
    boolean probeFinalize(double[] offsets, List<double[]> positions) {
        results = new LinkedHashMap<>();
        maxDiffError = false;
        boolean clockwise = (thread & 1) == 0;
        int base = baseIndex(positions, clockwise);
        double zBase = positions.get(base)[2];
        List<Double> screwDiff = new ArrayList<>();
        gcode.respondInfo("01:20 means 1 full turn and 20 minutes, CW=clockwise, CCW=counter-clockwise");
        for (int i = 0; i < screws.size(); i++) {
            Screw screw = screws.get(i);
            double z = positions.get(i)[2];
            Map<String, Object> result = new LinkedHashMap<>();
            if (i == base) {
                gcode.respondInfo(String.format(Locale.ROOT, "%s : x=%.1f, y=%.1f, z=%.5f",
                        screw.name() + " (base)", screw.x(), screw.y(), z));
                result.put("z", z);
                result.put("sign", clockwise ? "CW" : "CCW");
                result.put("adjust", "00:00");
                result.put("is_base", true);
            } else {
                double diff = zBase - z;
                screwDiff.add(Math.abs(diff));
                double adjust = Math.abs(diff) < 0.001 ? 0. : diff / THREAD_FACTORS[thread];
                String sign = (adjust >= 0) == clockwise ? "CW" : "CCW";
                adjust = Math.abs(adjust);
                long fullTurns = (long) adjust;
                long minutes = (long) Math.rint((adjust - fullTurns) * 60);
                String turns = String.format(Locale.ROOT, "%02d:%02d", fullTurns, minutes);
                gcode.respondInfo(String.format(Locale.ROOT, "%s : x=%.1f, y=%.1f, z=%.5f : adjust %s %s",
                        screw.name(), screw.x(), screw.y(), z, sign, turns));
                result.put("z", z);
                result.put("sign", sign);
                result.put("adjust", turns);
                result.put("is_base", false);
            }
            results.put("screw" + (i + 1), result);
        }
        if (maxDiff != null && maxDiff != 0. && screwDiff.stream().anyMatch(d -> d > maxDiff)) {
            maxDiffError = true;
            throw new CommandError("bed level exceeds configured limits (" + PyFloat.repr(maxDiff)
                    + "mm)! Adjust screws and restart print.");
        }
        return false;
    }
}
