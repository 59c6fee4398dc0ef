/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.safezhome.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.core.api.gcode.GCodeHandler;
import org.klipper4j.core.api.motion.Toolhead;

/**
 * G28 that homes Z at {@code home_xy_position}: X and Y are homed first, the head moves
 * there, Z is homed, with an optional {@code z_hop} before and after.
 */
final class SafeZHome {
    private final Printer printer;
    private final double homeX;
    private final double homeY;
    private final double zHop;
    private final double zHopSpeed;
    private final double speed;
    private final boolean moveToPrevious;
    private GCodeDispatch gcode;
    private GCodeHandler previousG28;

    SafeZHome(ConfigSection config) {
        printer = config.getPrinter();
        List<Double> xy = config.getFloatList("home_xy_position", null, ",");
        if (xy == null || xy.size() != 2) {
            throw new ConfigException("Option 'home_xy_position' in section '" + config.getName()
                    + "' must have 2 elements");
        }
        homeX = xy.get(0);
        homeY = xy.get(1);
        zHop = config.getFloat("z_hop", 0.);
        zHopSpeed = config.getFloat("z_hop_speed", 15., Bounds.above(0.));
        speed = config.getFloat("speed", 50., Bounds.above(0.));
        moveToPrevious = config.getBoolean("move_to_previous", false);
        if (config.hasSection("homing_override")) {
            throw new ConfigException("homing_override and safe_z_homing cannot be used simultaneously");
        }
        // the toolhead ([printer], loaded last) registers G28: take it over once all is loaded
        printer.registerEventHandler(PrinterEvents.CONNECT, args -> takeOverG28());
    }

    private void takeOverG28() {
        gcode = printer.lookupObject("gcode", GCodeDispatch.class);
        previousG28 = gcode.getHandler("G28");
        if (previousG28 == null) {
            throw new ConfigException("safe_z_home: no G28 command to override");
        }
        gcode.registerCommand("G28", null, null);
        gcode.registerCommand("G28", this::cmdG28, null);
    }

    private static double[] unchanged() {
        return new double[] {Double.NaN, Double.NaN, Double.NaN};
    }

    private String homedAxes(Toolhead toolhead) {
        Object homed = toolhead.getKinematics().getStatus(printer.getReactor().monotonic()).get("homed_axes");
        return homed == null ? "" : homed.toString();
    }

    private void cmdG28(GCodeCommand cmd) throws Exception {
        Toolhead toolhead = printer.lookupObject("toolhead", Toolhead.class);
        if (zHop != 0.) {
            double[] pos = toolhead.getPosition();
            double[] hop = unchanged();
            hop[2] = zHop;
            if (!homedAxes(toolhead).contains("z")) {
                // position unknown: assume 0 for the hop, then forget it again
                pos[2] = 0.;
                toolhead.setPosition(pos, "z");
                toolhead.manualMove(hop, zHopSpeed);
                toolhead.getKinematics().clearHomingState("z");
            } else if (pos[2] < zHop) {
                toolhead.manualMove(hop, zHopSpeed);
            }
        }
        boolean needX = cmd.get("X", null) != null;
        boolean needY = cmd.get("Y", null) != null;
        boolean needZ = cmd.get("Z", null) != null;
        if (!needX && !needY && !needZ) {
            needX = needY = needZ = true;
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (needX) {
            params.put("X", "0");
        }
        if (needY) {
            params.put("Y", "0");
        }
        if (!params.isEmpty()) {
            previousG28.handle(gcode.createCommand("G28", "G28", params));
        }
        if (!needZ) {
            return;
        }
        String homed = homedAxes(toolhead);
        if (!homed.contains("x") || !homed.contains("y")) {
            throw cmd.error("Must home X and Y axes first");
        }
        double[] previous = toolhead.getPosition();
        toolhead.manualMove(new double[] {homeX, homeY, Double.NaN}, speed);
        previousG28.handle(gcode.createCommand("G28", "G28", Map.of("Z", "0")));
        if (zHop != 0.) {
            double[] pos = toolhead.getPosition();
            if (pos[2] < zHop) {
                double[] hop = unchanged();
                hop[2] = zHop;
                toolhead.manualMove(hop, zHopSpeed);
            }
        }
        if (moveToPrevious) {
            toolhead.manualMove(new double[] {previous[0], previous[1], Double.NaN}, speed);
        }
    }
}
