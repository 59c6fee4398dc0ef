/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.bedmesh.internal;

import org.klipper4j.core.api.motion.PlaneFit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.klipper4j.core.api.ConfigFile;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.core.api.gcode.GCodeMoveState;
import org.klipper4j.core.api.motion.MoveTransform;
import org.klipper4j.core.api.motion.Toolhead;
import org.klipper4j.extras.probe.api.ProbePointsHelper;

/**
 * {@code [bed_tilt]} (Klipper's BedTilt): a move transform adding a plane
 * {@code x*x_adjust + y*y_adjust + z_adjust} to Z; with {@code points}, BED_TILT_CALIBRATE
 * probes them and fits the plane by coordinate descent.
 */
final class BedTilt implements MoveTransform, StatusProvider {
    static final String HELP = "Bed tilt calibration script";

    private final Printer printer;
    private double xAdjust;
    private double yAdjust;
    private double zAdjust;
    private MoveTransform next;

    BedTilt(ConfigSection config) {
        this.printer = config.getPrinter();
        xAdjust = config.getFloat("x_adjust", 0.);
        yAdjust = config.getFloat("y_adjust", 0.);
        zAdjust = config.getFloat("z_adjust", 0.);
        if (config.get("points", null) != null) {
            ProbePointsHelper helper = new ProbePointsHelper(config, this::probeFinalize, null);
            helper.minimumPoints(3);
            printer.lookupObject("gcode", GCodeDispatch.class)
                    .registerCommand("BED_TILT_CALIBRATE", helper::startProbe, HELP);
        }
        printer.registerEventHandler(PrinterEvents.CONNECT, args -> {
            if (next == null) {
                next = printer.lookupObject("toolhead", Toolhead.class);
            }
        });
        next = printer.lookupObject(GCodeMoveState.NAME, GCodeMoveState.class).setMoveTransform(this, false);
    }

    private double plane(double x, double y) {
        return x * xAdjust + y * yAdjust + zAdjust;
    }

    @Override
    public double[] getPosition() {
        double[] pos = next.getPosition().clone();
        pos[2] -= plane(pos[0], pos[1]);
        return pos;
    }

    @Override
    public void move(double[] newpos, double speed) {
        double[] pos = newpos.clone();
        pos[2] += plane(pos[0], pos[1]);
        next.move(pos, speed);
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("x_adjust", xAdjust);
        s.put("y_adjust", yAdjust);
        s.put("z_adjust", zAdjust);
        return s;
    }

    void updateAdjust(double x, double y, double z) {
        xAdjust = x;
        yAdjust = y;
        zAdjust = z;
        printer.lookupObject(GCodeMoveState.NAME, GCodeMoveState.class).resetLastPosition();
        printer.findObject("configfile", ConfigFile.class).ifPresent(c -> {
            c.set("bed_tilt", "x_adjust", String.format(Locale.ROOT, "%.6f", x));
            c.set("bed_tilt", "y_adjust", String.format(Locale.ROOT, "%.6f", y));
            c.set("bed_tilt", "z_adjust", String.format(Locale.ROOT, "%.6f", z));
        });
    }

    /**
     * Fits x_adjust, y_adjust, z_adjust to the probed heights (exact least squares); the
     * z_adjust returned has the probe's offsets taken off.
     */
    static double[] fit(double[] offsets, List<double[]> positions) {
        PlaneFit plane = PlaneFit.of(positions);
        double x = plane.xAdjust();
        double y = plane.yAdjust();
        double z = plane.zAdjust() - offsets[2] - x * offsets[0] - y * offsets[1];
        return new double[] {x, y, z};
    }

    private boolean probeFinalize(double[] offsets, List<double[]> positions) {
        double[] adj = fit(offsets, positions);
        updateAdjust(adj[0], adj[1], adj[2]);
        String msg = String.format(Locale.ROOT, "x_adjust: %.6f y_adjust: %.6f z_adjust: %.6f", adj[0], adj[1], adj[2]);
        printer.lookupObject("gcode", GCodeDispatch.class).respondInfo(msg
                + "\nThe above parameters have been applied to the current\n"
                + "session. The SAVE_CONFIG command will update the printer\n"
                + "config file and restart the printer.");
        return false;
    }
}
