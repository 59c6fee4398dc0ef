/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.probe.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.core.api.motion.Toolhead;

/**
 * Probes a list of XY points and hands the results to a callback (Klipper's
 * ProbePointsHelper). Reads {@code points} (unless defaults are given),
 * {@code horizontal_move_z} and {@code speed} from the section. The probe is used when
 * there is one and the command has no {@code METHOD=manual}; otherwise each point is
 * probed by hand with {@link ManualProbeHelper}.
 */
public final class ProbePointsHelper {
    /** Receives the results of all points. */
    @FunctionalInterface
    public interface FinalizeCallback {
        /**
         * @param offsets   the probe's [x, y, z] offsets ([0, 0, 0] for manual probing)
         * @param positions one [x, y, z] per point, in order
         * @return true to probe every point again (Klipper's "retry"), false when done
         */
        boolean finish(double[] offsets, List<double[]> positions);
    }

    private final Printer printer;
    private final FinalizeCallback finalizeCallback;
    private final String name;
    private List<double[]> probePoints;
    private final double defaultHorizontalMoveZ;
    private final double speed;
    private boolean useOffsets;
    private double horizontalMoveZ;
    private double liftSpeed;
    private double[] probeOffsets = {0., 0., 0.};
    private List<double[]> manualResults = new ArrayList<>();

    /** @param defaultPoints the points when the section has no {@code points} option (null: required) */
    public ProbePointsHelper(ConfigSection config, FinalizeCallback finalizeCallback, List<double[]> defaultPoints) {
        this.printer = config.getPrinter();
        this.finalizeCallback = finalizeCallback;
        this.name = config.getName();
        this.probePoints = defaultPoints;
        if (defaultPoints == null || config.get("points", null) != null) {
            probePoints = parsePoints(config);
        }
        this.defaultHorizontalMoveZ = config.getFloat("horizontal_move_z", 5.);
        this.speed = config.getFloat("speed", 50., Bounds.above(0.));
        this.liftSpeed = speed;
    }

    private static List<double[]> parsePoints(ConfigSection config) {
        List<double[]> points = new ArrayList<>();
        for (List<String> row : config.getLists("points", null, ",")) {
            if (row.size() != 2) {
                throw new ConfigException("Option 'points' in section '" + config.getName()
                        + "' must have 2 elements");
            }
            try {
                points.add(new double[] {Double.parseDouble(row.get(0).strip()), Double.parseDouble(row.get(1).strip())});
            } catch (NumberFormatException e) {
                throw new ConfigException("Unable to parse option 'points' in section '" + config.getName() + "'");
            }
        }
        return points;
    }

    /** Fails the config unless there are at least {@code n} points. */
    public void minimumPoints(int n) {
        if (probePoints.size() < n) {
            throw new ConfigException("Need at least " + n + " probe points for " + name);
        }
    }

    public void updateProbePoints(List<double[]> points, int minPoints) {
        this.probePoints = points;
        minimumPoints(minPoints);
    }

    /** With true, the points are where the probe (not the nozzle) goes. */
    public void useXyOffsets(boolean useOffsets) {
        this.useOffsets = useOffsets;
    }

    public double getLiftSpeed() {
        return liftSpeed;
    }

    public List<double[]> getProbePoints() {
        return probePoints;
    }

    private Toolhead toolhead() {
        return printer.lookupObject("toolhead", Toolhead.class);
    }

    private void raiseTool(boolean first) {
        toolhead().manualMove(new double[] {Double.NaN, Double.NaN, horizontalMoveZ}, first ? speed : liftSpeed);
    }

    private boolean invokeCallback(List<double[]> results) {
        toolhead().getLastMoveTime();
        return !finalizeCallback.finish(probeOffsets.clone(), results);
    }

    private void moveNext(int probeNum) {
        double[] next = probePoints.get(probeNum).clone();
        if (useOffsets) {
            next[0] -= probeOffsets[0];
            next[1] -= probeOffsets[1];
        }
        toolhead().manualMove(next, speed);
    }

    /** Probes every point (with METHOD=manual, starts the first manual probe and returns). */
    public void startProbe(GCodeCommand gcmd) {
        ManualProbeHelper.verifyNoManualProbe(printer);
        Probe probe = printer.findObject(Probe.NAME, Probe.class).orElse(null);
        String method = gcmd.get("METHOD", "automatic").toLowerCase();
        horizontalMoveZ = gcmd.getFloat("HORIZONTAL_MOVE_Z", defaultHorizontalMoveZ);
        if (probe == null || method.equals("manual")) {
            liftSpeed = speed;
            probeOffsets = new double[] {0., 0., 0.};
            manualResults = new ArrayList<>();
            manualProbeStart();
            return;
        }
        liftSpeed = probe.getProbeParams(gcmd).liftSpeed();
        probeOffsets = probe.getOffsets();
        if (horizontalMoveZ < probeOffsets[2]) {
            throw gcmd.error("horizontal_move_z can't be less than probe's z_offset");
        }
        ProbeSession session = probe.startProbeSession(gcmd);
        int probeNum = 0;
        while (true) {
            raiseTool(probeNum == 0);
            if (probeNum >= probePoints.size()) {
                if (invokeCallback(session.pullProbedResults())) {
                    break;
                }
                probeNum = 0;
            }
            moveNext(probeNum);
            session.runProbe(gcmd);
            probeNum++;
        }
        session.endProbeSession();
    }

    private void manualProbeStart() {
        raiseTool(manualResults.isEmpty());
        if (manualResults.size() >= probePoints.size()) {
            if (invokeCallback(manualResults)) {
                return;
            }
            manualResults = new ArrayList<>();
        }
        moveNext(manualResults.size());
        GCodeCommand gcmd = printer.lookupObject("gcode", GCodeDispatch.class).createCommand("", "", Map.of());
        new ManualProbeHelper(printer, gcmd, this::manualProbeFinalize);
    }

    private void manualProbeFinalize(double[] kinPos) {
        if (kinPos == null) {
            return;
        }
        manualResults.add(kinPos);
        manualProbeStart();
    }
}
