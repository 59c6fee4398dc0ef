/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.probe.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.core.api.motion.Toolhead;

/**
 * {@code [bed_screws]} (Klipper's BedScrews): BED_SCREWS_ADJUST moves the nozzle over each
 * screw in turn, first the coarse positions and then the fine ones, until every screw was
 * accepted without an ADJUSTED.
 */
final class BedScrews implements StatusProvider {
    private record Screw(double x, double y, String name) {
    }

    private final Printer printer;
    private final GCodeDispatch gcode;
    private final List<Screw> adjust = new ArrayList<>();
    private final List<Screw> fine = new ArrayList<>();
    private final double speed;
    private final double liftSpeed;
    private final double horizontalMoveZ;
    private final double probeZ;
    private String state;
    private int currentScrew;
    private int acceptedScrews;

    BedScrews(ConfigSection config) {
        this.printer = config.getPrinter();
        for (int i = 1; i < 100; i++) {
            String prefix = "screw" + i;
            if (config.get(prefix, null) == null) {
                break;
            }
            double[] coord = coordinate(config, prefix);
            String name = config.get(prefix + "_name",
                    String.format(Locale.ROOT, "screw at %.3f,%.3f", coord[0], coord[1]));
            adjust.add(new Screw(coord[0], coord[1], name));
            if (config.get(prefix + "_fine_adjust", null) != null) {
                double[] fineCoord = coordinate(config, prefix + "_fine_adjust");
                fine.add(new Screw(fineCoord[0], fineCoord[1], name));
            }
        }
        if (adjust.size() < 3) {
            throw new ConfigException("bed_screws: Must have at least three screws");
        }
        speed = config.getFloat("speed", 50., Bounds.above(0.));
        liftSpeed = config.getFloat("probe_speed", 5., Bounds.above(0.));
        horizontalMoveZ = config.getFloat("horizontal_move_z", 5.);
        probeZ = config.getFloat("probe_height", 0.);
        gcode = printer.lookupObject("gcode", GCodeDispatch.class);
        gcode.registerCommand("BED_SCREWS_ADJUST", this::cmdBedScrewsAdjust, "Tool to help adjust bed leveling screws");
    }

    private static double[] coordinate(ConfigSection config, String option) {
        List<Double> v = config.getFloatList(option, null, ",");
        if (v.size() != 2) {
            throw new ConfigException("Option '" + option + "' in section '" + config.getName()
                    + "' must have 2 elements");
        }
        return new double[] {v.get(0), v.get(1)};
    }

    private void move(double x, double y, double z, double moveSpeed) {
        printer.lookupObject("toolhead", Toolhead.class).manualMove(new double[] {x, y, z}, moveSpeed);
    }

    private List<Screw> screws(String which) {
        return which.equals("adjust") ? adjust : fine;
    }

    private void moveToScrew(String which, int screw) {
        move(Double.NaN, Double.NaN, horizontalMoveZ, liftSpeed);
        Screw s = screws(which).get(screw);
        move(s.x(), s.y(), horizontalMoveZ, speed);
        move(s.x(), s.y(), probeZ, liftSpeed);
        state = which;
        currentScrew = screw;
        gcode.respondInfo("Adjust " + s.name() + ". Then run ACCEPT, ADJUSTED, or ABORT\n"
                + "Use ADJUSTED if a significant screw adjustment is made");
        gcode.registerCommand("ACCEPT", this::cmdAccept, "Accept bed screw position");
        gcode.registerCommand("ADJUSTED", this::cmdAdjusted, "Accept bed screw position after notable adjustment");
        gcode.registerCommand("ABORT", this::cmdAbort, "Abort bed screws tool");
    }

    private void unregisterCommands() {
        gcode.unregisterCommand("ACCEPT");
        gcode.unregisterCommand("ADJUSTED");
        gcode.unregisterCommand("ABORT");
    }

    private void reset() {
        state = null;
        currentScrew = 0;
        acceptedScrews = 0;
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("is_active", state != null);
        status.put("state", state);
        status.put("current_screw", currentScrew);
        status.put("accepted_screws", acceptedScrews);
        return status;
    }

    private void cmdBedScrewsAdjust(GCodeCommand gcmd) {
        if (state != null) {
            throw new CommandError("Already in bed_screws helper; use ABORT to exit");
        }
        acceptedScrews = 0;
        move(Double.NaN, Double.NaN, horizontalMoveZ, speed);
        moveToScrew("adjust", 0);
    }

    private void cmdAccept(GCodeCommand gcmd) {
        unregisterCommands();
        acceptedScrews++;
        if (currentScrew + 1 < screws(state).size() && acceptedScrews < adjust.size()) {
            moveToScrew(state, currentScrew + 1);
            return;
        }
        if (acceptedScrews < adjust.size()) {
            // an ADJUSTED screw: go round the coarse positions again
            moveToScrew("adjust", 0);
            return;
        }
        if (state.equals("adjust") && !fine.isEmpty()) {
            acceptedScrews = 0;
            moveToScrew("fine", 0);
            return;
        }
        reset();
        move(Double.NaN, Double.NaN, horizontalMoveZ, liftSpeed);
        gcmd.respondInfo("Bed screws tool completed successfully");
    }

    private void cmdAdjusted(GCodeCommand gcmd) {
        unregisterCommands();
        acceptedScrews = -1;
        cmdAccept(gcmd);
    }

    private void cmdAbort(GCodeCommand gcmd) {
        unregisterCommands();
        reset();
    }
}
