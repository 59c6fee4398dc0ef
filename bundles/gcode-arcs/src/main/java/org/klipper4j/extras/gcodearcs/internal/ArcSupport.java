/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.gcodearcs.internal;

import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.core.api.gcode.GCodeMoveState;

/**
 * Klipper's {@code gcode_arcs} object: G2 (clockwise) and G3 (counter-clockwise)
 * arcs, cut into G1 moves, in the plane chosen by G17 (XY), G18 (XZ) or G19 (YZ).
 */
final class ArcSupport {
    private final Printer printer;
    private final GCodeDispatch gcode;
    private final ArcPlanner planner;
    private ArcPlane plane = ArcPlane.XY;

    ArcSupport(ConfigSection config) {
        printer = config.getPrinter();
        planner = new ArcPlanner(config.getFloat("resolution", 1.0, Bounds.above(0.0)));
        gcode = printer.lookupObject("gcode", GCodeDispatch.class);
        gcode.registerCommand("G2", cmd -> arc(cmd, true), null);
        gcode.registerCommand("G3", cmd -> arc(cmd, false), null);
        gcode.registerCommand("G17", cmd -> plane = ArcPlane.XY, null);
        gcode.registerCommand("G18", cmd -> plane = ArcPlane.XZ, null);
        gcode.registerCommand("G19", cmd -> plane = ArcPlane.YZ, null);
    }

    ArcPlane plane() {
        return plane;
    }

    private void arc(GCodeCommand cmd, boolean clockwise) {
        Map<String, Object> state = printer.lookupObject(GCodeMoveState.NAME, StatusProvider.class).getStatus(0.0);
        if (!Boolean.TRUE.equals(state.get("absolute_coordinates"))) {
            throw cmd.error("G2/G3 does not support relative move mode");
        }
        double[] current = toArray((List<?>) state.get("gcode_position"));
        boolean absoluteExtrude = Boolean.TRUE.equals(state.get("absolute_extrude"));

        double[] target = {
            cmd.getFloat("X", current[0]), cmd.getFloat("Y", current[1]), cmd.getFloat("Z", current[2])};
        if (cmd.getFloat("R", null) != null) {
            throw cmd.error("G2/G3 does not support R moves");
        }
        ArcPlane arcPlane = plane;
        double offsetAlpha = cmd.getFloat(arcPlane.alphaOffsetLetter, 0.0);
        double offsetBeta = cmd.getFloat(arcPlane.betaOffsetLetter, 0.0);
        if (offsetAlpha == 0.0 && offsetBeta == 0.0) {
            throw cmd.error("G2/G3 requires IJ, IK or JK parameters");
        }
        Double extrude = cmd.getFloat("E", null);
        Double feedrate = cmd.getFloat("F", null);

        List<double[]> points = planner.plan(current, target, offsetAlpha, offsetBeta, clockwise, arcPlane);
        // E is spread evenly over the segments; absolute E counts up from the current position.
        double eBase = 0.0;
        double ePerMove = 0.0;
        if (extrude != null) {
            if (absoluteExtrude) {
                eBase = current[3];
            }
            ePerMove = (extrude - eBase) / points.size();
        }
        for (double[] point : points) {
            StringBuilder line = new StringBuilder("G1")
                    .append(" X").append(point[0]).append(" Y").append(point[1]).append(" Z").append(point[2]);
            if (ePerMove != 0.0) {
                line.append(" E").append(eBase + ePerMove);
                if (absoluteExtrude) {
                    eBase += ePerMove;
                }
            }
            if (feedrate != null) {
                line.append(" F").append(feedrate.doubleValue());
            }
            // Double.toString round-trips exactly, so G1 sees the very doubles planned here.
            gcode.runScriptFromCommand(line.toString());
        }
    }

    private static double[] toArray(List<?> values) {
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) values.get(i)).doubleValue();
        }
        return out;
    }
}
