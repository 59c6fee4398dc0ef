/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.toolhead;

import java.util.Locale;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.core.api.motion.Toolhead;

/** G4, M400, SET_VELOCITY_LIMIT and M204 (Klipper's ToolHeadCommandHelper). */
final class ToolheadCommands {
    private final Toolhead toolhead;

    ToolheadCommands(Toolhead toolhead, GCodeDispatch gcode) {
        this.toolhead = toolhead;
        gcode.registerCommand("G4", this::cmdG4, null);
        gcode.registerCommand("M400", gcmd -> toolhead.waitMoves(), null);
        gcode.registerCommand("SET_VELOCITY_LIMIT", this::cmdSetVelocityLimit, "Set printer velocity limits");
        gcode.registerCommand("M204", this::cmdM204, null);
    }

    private void cmdG4(GCodeCommand gcmd) {
        double delay = gcmd.getFloat("P", 0., Bounds.min(0.)) / 1000.;
        toolhead.dwell(delay);
    }

    private void cmdSetVelocityLimit(GCodeCommand gcmd) {
        Double maxVelocity = gcmd.getFloat("VELOCITY", null, Bounds.above(0.));
        Double maxAccel = gcmd.getFloat("ACCEL", null, Bounds.above(0.));
        Double scv = gcmd.getFloat("SQUARE_CORNER_VELOCITY", null, Bounds.min(0.));
        Double mcr = gcmd.getFloat("MINIMUM_CRUISE_RATIO", null, Bounds.min(0.).andBelow(1.));
        double[] r = toolhead.setMaxVelocities(maxVelocity, maxAccel, scv, mcr);
        String msg = String.format(Locale.ROOT,
                "max_velocity: %.6f\nmax_accel: %.6f\nminimum_cruise_ratio: %.6f\nsquare_corner_velocity: %.6f",
                r[0], r[1], r[3], r[2]);
        if (maxVelocity == null && maxAccel == null && scv == null && mcr == null) {
            gcmd.respondInfo(msg);
        }
    }

    private void cmdM204(GCodeCommand gcmd) {
        Double accel = gcmd.getFloat("S", null, Bounds.above(0.));
        if (accel == null) {
            Double p = gcmd.getFloat("P", null, Bounds.above(0.));
            Double t = gcmd.getFloat("T", null, Bounds.above(0.));
            if (p == null || t == null) {
                gcmd.respondInfo("Invalid M204 command \"" + gcmd.getCommandline() + "\"");
                return;
            }
            accel = Math.min(p, t);
        }
        toolhead.setMaxVelocities(null, accel, null, null);
    }
}
