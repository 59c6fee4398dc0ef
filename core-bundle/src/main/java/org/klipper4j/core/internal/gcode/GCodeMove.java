/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.gcode;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.core.api.gcode.GCodeMoveState;
import org.klipper4j.core.api.motion.MoveTransform;
import org.klipper4j.core.api.motion.Toolhead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Klipper's {@code gcode_move}: G0/G1 with absolute/relative coordinates, G92
 * and SET_GCODE_OFFSET offsets, speed and extrusion factors, saved states.
 * Positions are kept in toolhead coordinates ({@code lastPosition}); the G-code
 * position is that minus {@code basePosition}.
 */
public final class GCodeMove implements GCodeMoveState, StatusProvider {
    private static final Logger LOG = LoggerFactory.getLogger(GCodeMove.class);
    private static final String AXES = "XYZE";
    private static final int E = 3;

    /** What GET_POSITION shows about steppers; supplied by the motion code when present. */
    public interface StepperReport {
        /** e.g. {@code stepper_x:0 stepper_y:0}. */
        String mcuPositions();

        /** e.g. {@code stepper_x:0.000000 ...}. */
        String stepperPositions();

        /** e.g. {@code X:0.000000 Y:0.000000 Z:0.000000}. */
        String kinematicPositions();
    }

    private final Printer printer;
    private MoveTransform moveTransform;
    private StepperReport stepperReport;
    private boolean ready;
    private boolean absoluteCoord = true;
    private boolean absoluteExtrude = true;
    private double[] basePosition = new double[4];
    private double[] lastPosition = new double[4];
    private double[] homingPosition = new double[4];
    private double speed = 25.0;
    private double speedFactor = 1.0 / 60.0;
    private double extrudeFactor = 1.0;
    private final Map<String, SavedState> savedStates = new HashMap<>();
    /** G-code letter to position index; extra axes (GCODE_AXIS) come after XYZE. */
    private Map<Character, Integer> axisMap = defaultAxisMap();

    private record SavedState(boolean absoluteCoord, boolean absoluteExtrude, double[] basePosition,
            double[] lastPosition, double[] homingPosition, double speed, double speedFactor,
            double extrudeFactor) {
    }

    public GCodeMove(Printer printer) {
        this.printer = printer;
        printer.registerEventHandler(PrinterEvents.READY, args -> handleReady());
        printer.registerEventHandler(PrinterEvents.SHUTDOWN, args -> handleShutdown());
        printer.registerEventHandler("toolhead:set_position", args -> resetLastPosition());
        printer.registerEventHandler("toolhead:manual_move", args -> resetLastPosition());
        printer.registerEventHandler(GCodeDispatcher.COMMAND_ERROR_EVENT, args -> resetLastPosition());
        printer.registerEventHandler("extruder:activate_extruder", args -> handleActivateExtruder());
        printer.registerEventHandler(Toolhead.UPDATE_EXTRA_AXES_EVENT, args -> updateExtraAxes());
        GCodeDispatch gcode = printer.lookupObject("gcode", GCodeDispatch.class);
        gcode.registerCommand("G1", this::cmdG1, null);
        gcode.registerCommand("G0", this::cmdG1, null);
        gcode.registerCommand("G20", gcmd -> {
            throw gcmd.error("Machine does not support G20 (inches) command");
        }, null);
        gcode.registerCommand("G21", gcmd -> { }, null);
        gcode.registerCommand("M82", gcmd -> absoluteExtrude = true, null);
        gcode.registerCommand("M83", gcmd -> absoluteExtrude = false, null);
        gcode.registerCommand("G90", gcmd -> absoluteCoord = true, null);
        gcode.registerCommand("G91", gcmd -> absoluteCoord = false, null);
        gcode.registerCommand("G92", this::cmdG92, null);
        gcode.registerCommand("M220", this::cmdM220, null);
        gcode.registerCommand("M221", this::cmdM221, null);
        gcode.registerCommand("SET_GCODE_OFFSET", this::cmdSetGcodeOffset, "Set a virtual offset to g-code positions");
        gcode.registerCommand("SAVE_GCODE_STATE", this::cmdSaveGcodeState, "Save G-Code coordinate state");
        gcode.registerCommand("RESTORE_GCODE_STATE", this::cmdRestoreGcodeState,
                "Restore a previously saved G-Code state");
        gcode.registerCommand("M114", this::cmdM114, true, null);
        gcode.registerCommand("GET_POSITION", this::cmdGetPosition, true,
                "Return information on the current location of the toolhead");
    }

    /** Lets the motion code add the stepper lines of GET_POSITION. */
    public void setStepperReport(StepperReport report) {
        this.stepperReport = report;
    }

    private void handleReady() {
        ready = true;
        if (moveTransform == null) {
            moveTransform = printer.findObject("toolhead", MoveTransform.class).orElse(null);
        }
        resetLastPosition();
    }

    private void handleShutdown() {
        if (!ready) {
            return;
        }
        ready = false;
        LOG.info("gcode state: absolute_coord={} absolute_extrude={} base_position={} last_position={}"
                + " homing_position={} speed_factor={} extrude_factor={} speed={}", absoluteCoord, absoluteExtrude,
                List.of(box(basePosition)), List.of(box(lastPosition)), List.of(box(homingPosition)), speedFactor,
                extrudeFactor, speed);
    }

    @Override
    public MoveTransform setMoveTransform(MoveTransform transform, boolean force) {
        if (moveTransform != null && !force) {
            throw new ConfigException("G-Code move transform already specified");
        }
        MoveTransform old = moveTransform;
        if (old == null) {
            old = printer.findObject("toolhead", MoveTransform.class).orElse(null);
        }
        moveTransform = transform;
        return old;
    }

    @Override
    public void resetLastPosition() {
        if (ready && moveTransform != null) {
            lastPosition = atLeastFourAxes(moveTransform.getPosition());
        }
    }

    @Override
    public double[] getLastPosition() {
        return lastPosition.clone();
    }

    @Override
    public double[] getGCodePosition() {
        double[] p = new double[lastPosition.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = lastPosition[i] - (i < basePosition.length ? basePosition[i] : 0.);
        }
        p[E] /= extrudeFactor;
        return p;
    }

    @Override
    public void handleHomed(int... axes) {
        resetLastPosition();
        for (int axis : axes) {
            basePosition[axis] = homingPosition[axis];
        }
    }

    @Override
    public void handleActivateExtruder() {
        resetLastPosition();
        extrudeFactor = 1.0;
        basePosition[E] = lastPosition[E];
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("speed_factor", speedFactor * 60.0);
        status.put("speed", speed / speedFactor);
        status.put("extrude_factor", extrudeFactor);
        status.put("absolute_coordinates", absoluteCoord);
        status.put("absolute_extrude", absoluteExtrude);
        status.put("homing_origin", List.of(box(homingPosition)));
        status.put("position", List.of(box(lastPosition)));
        status.put("gcode_position", List.of(box(getGCodePosition())));
        return status;
    }

    // ---- commands -------------------------------------------------------------------

    private void cmdG1(GCodeCommand gcmd) {
        Map<String, String> params = gcmd.getCommandParameters();
        try {
            for (int pos = 0; pos < 3; pos++) {
                String v = params.get(String.valueOf(AXES.charAt(pos)));
                if (v != null) {
                    double value = PyNumbers.parseFloat(v);
                    lastPosition[pos] = absoluteCoord ? value + basePosition[pos] : lastPosition[pos] + value;
                }
            }
            String e = params.get("E");
            if (e != null) {
                double value = PyNumbers.parseFloat(e) * extrudeFactor;
                boolean relative = !absoluteCoord || !absoluteExtrude;
                lastPosition[E] = relative ? lastPosition[E] + value : value + basePosition[E];
            }
            for (Map.Entry<Character, Integer> axis : axisMap.entrySet()) {
                int pos = axis.getValue();
                String v = pos > E ? params.get(String.valueOf(axis.getKey())) : null;
                if (v != null && pos < lastPosition.length && pos < basePosition.length) {
                    double value = PyNumbers.parseFloat(v);
                    lastPosition[pos] = absoluteCoord ? value + basePosition[pos] : lastPosition[pos] + value;
                }
            }
            String f = params.get("F");
            if (f != null) {
                double gcodeSpeed = PyNumbers.parseFloat(f);
                if (gcodeSpeed <= 0.0) {
                    throw gcmd.error("Invalid speed in '" + gcmd.getCommandline() + "'");
                }
                speed = gcodeSpeed * speedFactor;
            }
        } catch (NumberFormatException ex) {
            throw gcmd.error("Unable to parse move '" + gcmd.getCommandline() + "'");
        }
        move(lastPosition, speed);
    }

    private void move(double[] position, double moveSpeed) {
        if (moveTransform == null) {
            throw new CommandError("Printer not ready: no toolhead ([printer] section) to move");
        }
        moveTransform.move(position.clone(), moveSpeed);
    }

    private void cmdG92(GCodeCommand gcmd) {
        boolean any = false;
        for (int i = 0; i < 4; i++) {
            Double offset = gcmd.getFloat(String.valueOf(AXES.charAt(i)), null);
            if (offset != null) {
                any = true;
                double value = i == E ? offset * extrudeFactor : offset;
                basePosition[i] = lastPosition[i] - value;
            }
        }
        if (!any) {
            System.arraycopy(lastPosition, 0, basePosition, 0, 4);
        }
    }

    private void cmdM114(GCodeCommand gcmd) {
        double[] p = getGCodePosition();
        gcmd.respondRaw(String.format(Locale.ROOT, "X:%.3f Y:%.3f Z:%.3f E:%.3f", p[0], p[1], p[2], p[3]));
    }

    private void cmdM220(GCodeCommand gcmd) {
        double value = gcmd.getFloat("S", 100.0, Bounds.above(0.0)) / (60.0 * 100.0);
        speed = (speed / speedFactor) * value;
        speedFactor = value;
    }

    private void cmdM221(GCodeCommand gcmd) {
        double newFactor = gcmd.getFloat("S", 100.0, Bounds.above(0.0)) / 100.0;
        double lastE = lastPosition[E];
        double eValue = (lastE - basePosition[E]) / extrudeFactor;
        basePosition[E] = lastE - eValue * newFactor;
        extrudeFactor = newFactor;
    }

    private void cmdSetGcodeOffset(GCodeCommand gcmd) {
        double[] moveDelta = new double[4];
        for (int pos = 0; pos < 4; pos++) {
            String axis = String.valueOf(AXES.charAt(pos));
            Double offset = gcmd.getFloat(axis, null);
            if (offset == null) {
                Double adjust = gcmd.getFloat(axis + "_ADJUST", null);
                if (adjust == null) {
                    continue;
                }
                offset = adjust + homingPosition[pos];
            }
            double delta = offset - homingPosition[pos];
            moveDelta[pos] = delta;
            basePosition[pos] += delta;
            homingPosition[pos] = offset;
        }
        if (gcmd.getInt("MOVE", 0) != 0) {
            double moveSpeed = gcmd.getFloat("MOVE_SPEED", speed, Bounds.above(0.0));
            for (int pos = 0; pos < 4; pos++) {
                lastPosition[pos] += moveDelta[pos];
            }
            move(lastPosition, moveSpeed);
        }
    }

    private void cmdSaveGcodeState(GCodeCommand gcmd) {
        String name = gcmd.get("NAME", "default");
        savedStates.put(name, new SavedState(absoluteCoord, absoluteExtrude, basePosition.clone(),
                lastPosition.clone(), homingPosition.clone(), speed, speedFactor, extrudeFactor));
    }

    private void cmdRestoreGcodeState(GCodeCommand gcmd) {
        String name = gcmd.get("NAME", "default");
        SavedState state = savedStates.get(name);
        if (state == null) {
            throw gcmd.error("Unknown g-code state: " + name);
        }
        absoluteCoord = state.absoluteCoord();
        absoluteExtrude = state.absoluteExtrude();
        System.arraycopy(state.basePosition(), 0, basePosition, 0, 4);
        homingPosition = state.homingPosition().clone();
        speed = state.speed();
        speedFactor = state.speedFactor();
        extrudeFactor = state.extrudeFactor();
        // Keep the extruder where it is: only the relative E origin is restored.
        basePosition[E] += lastPosition[E] - state.lastPosition()[E];
        if (gcmd.getInt("MOVE", 0) != 0) {
            double moveSpeed = gcmd.getFloat("MOVE_SPEED", speed, Bounds.above(0.0));
            System.arraycopy(state.lastPosition(), 0, lastPosition, 0, 3);
            move(lastPosition, moveSpeed);
        }
    }

    private void cmdGetPosition(GCodeCommand gcmd) {
        Optional<Toolhead> toolhead = printer.findObject("toolhead", Toolhead.class);
        if (toolhead.isEmpty()) {
            throw gcmd.error("Printer not ready");
        }
        StringBuilder sb = new StringBuilder();
        if (stepperReport != null) {
            sb.append("mcu: ").append(stepperReport.mcuPositions()).append('\n');
            sb.append("stepper: ").append(stepperReport.stepperPositions()).append('\n');
            sb.append("kinematic: ").append(stepperReport.kinematicPositions()).append('\n');
        }
        String axes = axisLetters();
        sb.append("toolhead: ").append(axisList(axes, toolhead.get().getPosition())).append('\n');
        sb.append("gcode: ").append(axisList(axes, lastPosition)).append('\n');
        sb.append("gcode base: ").append(axisList(axes, basePosition)).append('\n');
        sb.append("gcode homing: ").append(axisList("XYZ", homingPosition));
        gcmd.respondInfo(sb.toString());
    }

    private static String axisList(String axes, double[] values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < axes.length() && i < values.length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(String.format(Locale.ROOT, "%s:%.6f", axes.charAt(i), values[i]));
        }
        return sb.toString();
    }

    private static double[] atLeastFourAxes(double[] position) {
        double[] p = new double[Math.max(4, position.length)];
        System.arraycopy(position, 0, p, 0, position.length);
        return p;
    }

    private static Map<Character, Integer> defaultAxisMap() {
        Map<Character, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < AXES.length(); i++) {
            map.put(AXES.charAt(i), i);
        }
        return map;
    }

    /** The letters of the position indexes in order ({@code XYZE} then extra axes, space if none). */
    private String axisLetters() {
        char[] letters = new char[Math.max(4, lastPosition.length)];
        java.util.Arrays.fill(letters, ' ');
        for (Map.Entry<Character, Integer> axis : axisMap.entrySet()) {
            if (axis.getValue() < letters.length) {
                letters[axis.getValue()] = axis.getKey();
            }
        }
        return new String(letters);
    }

    /**
     * The toolhead's extra axes changed (a manual stepper became a G-code axis or
     * stopped being one): rebuild the letter map; an axis keeps its base position
     * if it had a letter before, a new one starts at 0.
     */
    private void updateExtraAxes() {
        Optional<Toolhead> toolhead = printer.findObject("toolhead", Toolhead.class);
        if (toolhead.isEmpty()) {
            return;
        }
        List<org.klipper4j.core.api.motion.ExtraAxis> extraAxes = toolhead.get().getExtraAxes();
        Map<Character, Integer> newMap = defaultAxisMap();
        double[] newBase = new double[Math.max(4, 3 + extraAxes.size())];
        System.arraycopy(basePosition, 0, newBase, 0, 4);
        for (int i = 1; i < extraAxes.size(); i++) {
            String id = extraAxes.get(i).getAxisGcodeId();
            if (id == null || id.length() != 1 || !Character.isUpperCase(id.charAt(0))
                    || "XYZEFN".indexOf(id.charAt(0)) >= 0 || newMap.containsKey(id.charAt(0))) {
                continue;
            }
            char letter = id.charAt(0);
            newMap.put(letter, i + 3);
            Integer oldIndex = axisMap.get(letter);
            if (oldIndex != null && oldIndex < basePosition.length) {
                newBase[i + 3] = basePosition[oldIndex];
            }
        }
        axisMap = newMap;
        basePosition = newBase;
        resetLastPosition();
    }

    private static Double[] box(double[] values) {
        Double[] boxed = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }
}
