/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.probe.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoublePredicate;

import org.klipper4j.core.api.ConfigFile;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.core.api.gcode.GCodeMoveState;
import org.klipper4j.core.api.motion.Toolhead;
import org.klipper4j.extras.probe.api.ManualProbeHelper;
import org.klipper4j.extras.probe.api.Probe;
import org.klipper4j.extras.probe.api.ProbeParams;
import org.klipper4j.extras.probe.api.ProbeResults;
import org.klipper4j.extras.probe.api.ProbeSession;

/**
 * The probe commands (Klipper's ProbeCommandHelper): PROBE, QUERY_PROBE, PROBE_CALIBRATE,
 * PROBE_ACCURACY and Z_OFFSET_APPLY_PROBE, and the {@code probe} status.
 */
final class ProbeCommands implements StatusProvider {
    private static final String SAVE_HINT = "The SAVE_CONFIG command will update the printer config file\n"
            + "with the above and restart the printer.";

    private final Printer printer;
    private final Probe probe;
    private final DoublePredicate queryEndstop;
    private final String name;
    private boolean lastState;
    private double lastZResult;
    private double probeCalibrateZ;

    /** @param queryEndstop reads the probe at a print time; null if the probe cannot be queried */
    ProbeCommands(ConfigSection config, Probe probe, DoublePredicate queryEndstop) {
        this.printer = config.getPrinter();
        this.probe = probe;
        this.queryEndstop = queryEndstop;
        this.name = config.getName();
        GCodeDispatch gcode = printer.lookupObject("gcode", GCodeDispatch.class);
        gcode.registerCommand("QUERY_PROBE", this::cmdQueryProbe, "Return the status of the z-probe");
        gcode.registerCommand("PROBE", this::cmdProbe, "Probe Z-height at current XY position");
        gcode.registerCommand("PROBE_CALIBRATE", this::cmdProbeCalibrate, "Calibrate the probe's z_offset");
        gcode.registerCommand("PROBE_ACCURACY", this::cmdProbeAccuracy, "Probe Z-height accuracy at current XY position");
        gcode.registerCommand("Z_OFFSET_APPLY_PROBE", this::cmdZOffsetApplyProbe, "Adjust the probe's z_offset");
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("name", name);
        status.put("last_query", lastState);
        status.put("last_z_result", lastZResult);
        return status;
    }

    private Toolhead toolhead() {
        return printer.lookupObject("toolhead", Toolhead.class);
    }

    private void move(double[] coord, double speed) {
        toolhead().manualMove(coord, speed);
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private void cmdQueryProbe(GCodeCommand gcmd) {
        if (queryEndstop == null) {
            throw gcmd.error("Probe does not support QUERY_PROBE");
        }
        double printTime = toolhead().getLastMoveTime();
        boolean res = queryEndstop.test(printTime);
        lastState = res;
        gcmd.respondInfo("probe: " + (res ? "TRIGGERED" : "open"));
    }

    private void cmdProbe(GCodeCommand gcmd) {
        double[] pos = ProbeResults.runSingleProbe(probe, gcmd);
        gcmd.respondInfo(f("Result is z=%.6f", pos[2]));
        lastZResult = pos[2];
    }

    private void probeCalibrateFinalize(double[] kinPos) {
        if (kinPos == null) {
            return;
        }
        double zOffset = probeCalibrateZ - kinPos[2];
        printer.lookupObject("gcode", GCodeDispatch.class).respondInfo(f("%s: z_offset: %.3f\n", name, zOffset)
                + SAVE_HINT);
        saveOption("z_offset", zOffset);
    }

    private void saveOption(String option, double value) {
        printer.findObject("configfile", ConfigFile.class).ifPresent(c -> c.set(name, option, f("%.3f", value)));
    }

    private void cmdProbeCalibrate(GCodeCommand gcmd) {
        ManualProbeHelper.verifyNoManualProbe(printer);
        ProbeParams params = probe.getProbeParams(gcmd);
        double[] probed = ProbeResults.runSingleProbe(probe, gcmd);
        double[] curpos = toolhead().getPosition();
        System.arraycopy(probed, 0, curpos, 0, 3);
        probeCalibrateZ = curpos[2];
        curpos[2] += 5.;
        move(curpos, params.liftSpeed());
        double[] offsets = probe.getOffsets();
        curpos[0] += offsets[0];
        curpos[1] += offsets[1];
        move(curpos, params.probeSpeed());
        new ManualProbeHelper(printer, gcmd, this::probeCalibrateFinalize);
    }

    private void cmdProbeAccuracy(GCodeCommand gcmd) {
        ProbeParams params = probe.getProbeParams(gcmd);
        int sampleCount = gcmd.getInt("SAMPLES", 10, 1, null);
        double[] pos = toolhead().getPosition();
        gcmd.respondInfo(f("PROBE_ACCURACY at X:%.3f Y:%.3f Z:%.3f (samples=%d retract=%.3f speed=%.1f"
                + " lift_speed=%.1f)\n", pos[0], pos[1], pos[2], sampleCount, params.sampleRetractDist(),
                params.probeSpeed(), params.liftSpeed()));
        // every sample is its own probe, retracted here
        Map<String, String> one = new HashMap<>(gcmd.getCommandParameters());
        one.put("SAMPLES", "1");
        GCodeCommand single = printer.lookupObject("gcode", GCodeDispatch.class).createCommand("", "", one);
        ProbeSession session = probe.startProbeSession(single);
        for (int n = 0; n < sampleCount; n++) {
            session.runProbe(single);
            double[] now = toolhead().getPosition();
            move(new double[] {Double.NaN, Double.NaN, now[2] + params.sampleRetractDist()}, params.liftSpeed());
        }
        List<double[]> positions = session.pullProbedResults();
        session.endProbeSession();
        double max = positions.stream().mapToDouble(p -> p[2]).max().orElse(0.);
        double min = positions.stream().mapToDouble(p -> p[2]).min().orElse(0.);
        double avg = ProbeResults.average(positions, "average")[2];
        double median = ProbeResults.average(positions, "median")[2];
        double deviationSum = 0.;
        for (double[] p : positions) {
            deviationSum += Math.pow(p[2] - avg, 2.);
        }
        double sigma = Math.sqrt(deviationSum / positions.size());
        gcmd.respondInfo(f("probe accuracy results: maximum %.6f, minimum %.6f, range %.6f, average %.6f,"
                + " median %.6f, standard deviation %.6f", max, min, max - min, avg, median, sigma));
    }

    private void cmdZOffsetApplyProbe(GCodeCommand gcmd) {
        double offset = homingOriginZ(printer);
        if (offset == 0) {
            gcmd.respondInfo("Nothing to do: Z Offset is 0");
            return;
        }
        double newCalibrate = probe.getOffsets()[2] - offset;
        gcmd.respondInfo(f("%s: z_offset: %.3f\n", name, newCalibrate) + SAVE_HINT);
        saveOption("z_offset", newCalibrate);
    }

    /** The Z of gcode_move's homing_origin (what SET_GCODE_OFFSET Z set). */
    static double homingOriginZ(Printer printer) {
        StatusProvider move = printer.lookupObject(GCodeMoveState.NAME, StatusProvider.class);
        Object origin = move.getStatus(printer.getReactor().monotonic()).get("homing_origin");
        if (origin instanceof List<?> l && l.size() > 2 && l.get(2) instanceof Number n) {
            return n.doubleValue();
        }
        return 0.;
    }
}
