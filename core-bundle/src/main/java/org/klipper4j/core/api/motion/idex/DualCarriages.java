/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.motion.idex;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.core.api.motion.Homing;
import org.klipper4j.core.api.motion.Rail;
import org.klipper4j.core.api.motion.Stepper;
import org.klipper4j.core.api.motion.Toolhead;

/**
 * The {@code dual_carriage} printer object (Klipper's idex_modes): carriages that
 * share an axis, which of them the toolhead drives (PRIMARY), which follow it
 * (COPY, MIRROR) and which are parked (INACTIVE); their homing, the axis range
 * that keeps them {@code safe_distance} apart, and the commands SET_DUAL_CARRIAGE,
 * SAVE_DUAL_CARRIAGE_STATE and RESTORE_DUAL_CARRIAGE_STATE.
 */
public final class DualCarriages implements StatusProvider {
    public static final String NAME = "dual_carriage";
    /** Sent after a carriage transform changed (input shaping re-reads the stepper kinematics). */
    public static final String UPDATE_KINEMATICS_EVENT = "dual_carriage:update_kinematics";

    private static final String AXES = "xyz";

    private final Printer printer;
    private final List<DualCarriageRail> primaryRails = new ArrayList<>();
    private final List<DualCarriageRail> dualRails = new ArrayList<>();
    private final Map<String, DualCarriageRail> carriages = new LinkedHashMap<>();
    private final List<Integer> axes;
    private final Map<String, SavedState> savedStates = new LinkedHashMap<>();

    /** Carriage modes and positions saved by SAVE_DUAL_CARRIAGE_STATE. */
    public record SavedState(Map<String, CarriageMode> modes, Map<String, Double> positions,
            double[] toolheadPosition) {
    }

    /**
     * @param primaryRails the primary carriage of each pair
     * @param dualRails the dual carriage of each pair (null: a carriage without a partner)
     * @param axes the axis of each pair (0 = x, 1 = y)
     * @param safeDistances per pair, null for the default (the smaller distance between the rails' ends)
     */
    public DualCarriages(Printer printer, List<Rail> primaryRails, List<Rail> dualRails, List<Integer> axes,
            List<Double> safeDistances) {
        this.printer = printer;
        List<Rail> all = new ArrayList<>(primaryRails);
        all.addAll(dualRails);
        Map<Stepper, DualCarriageStepperKinematics> wrapped = wrapSteppers(all);
        Runnable notify = () -> printer.sendEvent(UPDATE_KINEMATICS_EVENT);
        boolean[] axisActivated = new boolean[3];
        for (int i = 0; i < primaryRails.size(); i++) {
            Rail pc = primaryRails.get(i);
            Rail dc = dualRails.get(i);
            Double safe = safeDistances.get(i);
            if (dc != null && safe == null) {
                safe = Math.min(Math.abs(pc.getRange()[0] - dc.getRange()[0]),
                        Math.abs(pc.getRange()[1] - dc.getRange()[1]));
            }
            int axis = axes.get(i);
            boolean activate = !axisActivated[axis];
            axisActivated[axis] = true;
            addPrimaryCarriage(pc, dc, axis, safe, activate, wrapped, notify);
        }
        for (int i = 0; i < dualRails.size(); i++) {
            Rail dc = dualRails.get(i);
            if (dc != null) {
                Double safe = this.primaryRails.get(i).getSafeDistance();
                DualCarriageRail r = new DualCarriageRail(dc, primaryRails.get(i), axes.get(i), safe, false,
                        kinematicsOf(dc, wrapped), notify);
                this.dualRails.add(r);
            } else {
                this.dualRails.add(null);
            }
        }
        for (DualCarriageRail r : this.primaryRails) {
            carriages.put(r.getName(), r);
        }
        for (DualCarriageRail r : this.dualRails) {
            if (r != null) {
                carriages.put(r.getName(), r);
            }
        }
        this.axes = List.copyOf(new TreeSet<>(axes));
        printer.addObject(NAME, this);
        printer.registerEventHandler(PrinterEvents.READY, args -> applyTransforms());
        GCodeDispatch gcode = printer.lookupObject("gcode", GCodeDispatch.class);
        gcode.registerCommand("SET_DUAL_CARRIAGE", this::cmdSetDualCarriage, "Configure the dual carriages mode");
        gcode.registerCommand("SAVE_DUAL_CARRIAGE_STATE", this::cmdSaveState,
                "Save dual carriages modes and positions");
        gcode.registerCommand("RESTORE_DUAL_CARRIAGE_STATE", this::cmdRestoreState,
                "Restore dual carriages modes and positions");
    }

    private void addPrimaryCarriage(Rail pc, Rail dc, int axis, Double safe, boolean activate,
            Map<Stepper, DualCarriageStepperKinematics> wrapped, Runnable notify) {
        primaryRails.add(new DualCarriageRail(pc, dc, axis, safe, activate, kinematicsOf(pc, wrapped), notify));
    }

    /** Puts a dual-carriage wrapper around the kinematics of every stepper of the rails (once each). */
    private static Map<Stepper, DualCarriageStepperKinematics> wrapSteppers(List<Rail> rails) {
        Set<Stepper> steppers = new LinkedHashSet<>();
        for (Rail rail : rails) {
            if (rail == null) {
                continue;
            }
            if (rail.getSteppers().isEmpty()) {
                throw new ConfigException("At least one stepper must be associated with carriage: " + rail.getName());
            }
            steppers.addAll(rail.getSteppers());
        }
        Map<Stepper, DualCarriageStepperKinematics> wrapped = new LinkedHashMap<>();
        for (Stepper s : steppers) {
            DualCarriageStepperKinematics sk = new DualCarriageStepperKinematics(s.getStepperKinematics());
            s.setStepperKinematics(sk);
            wrapped.put(s, sk);
        }
        return wrapped;
    }

    private static List<DualCarriageStepperKinematics> kinematicsOf(Rail rail,
            Map<Stepper, DualCarriageStepperKinematics> wrapped) {
        return rail.getSteppers().stream().map(wrapped::get).toList();
    }

    /** The axes that have dual carriages. */
    public List<Integer> getAxes() {
        return axes;
    }

    /** Every carriage, primaries first, by name. */
    public Map<String, DualCarriageRail> getCarriages() {
        return java.util.Collections.unmodifiableMap(carriages);
    }

    /** The rail the toolhead drives on {@code axis}, or null if every carriage of it is parked. */
    public Rail getPrimaryRail(int axis) {
        for (DualCarriageRail dc : carriages.values()) {
            if (dc.getMode() == CarriageMode.PRIMARY && dc.getAxis() == axis) {
                return dc.getRail();
            }
        }
        return null;
    }

    /** The carriage of {@code rail}, or null. */
    public DualCarriageRail getCarriage(Rail rail) {
        for (DualCarriageRail dc : carriages.values()) {
            if (dc.getRail() == rail) {
                return dc;
            }
        }
        return null;
    }

    /** [scale, offset] of the carriage of {@code rail}; [0, 0] for a rail that is no carriage. */
    public double[] getTransform(Rail rail) {
        DualCarriageRail dc = getCarriage(rail);
        return dc == null ? new double[] {0., 0.} : new double[] {dc.getScale(), dc.getOffset()};
    }

    public boolean isActive(Rail rail) {
        DualCarriageRail dc = getCarriage(rail);
        return dc != null && dc.isActive();
    }

    private void applyTransforms() {
        for (DualCarriageRail dc : carriages.values()) {
            dc.applyTransform();
        }
    }

    private Toolhead toolhead() {
        return printer.lookupObject("toolhead", Toolhead.class);
    }

    private DualCarriageKinematics kinematics(Toolhead toolhead) {
        return (DualCarriageKinematics) toolhead.getKinematics();
    }

    /** Makes {@code target} the carriage the toolhead drives on its axis, parking the others there. */
    public void toggleActive(DualCarriageRail target) {
        Toolhead toolhead = toolhead();
        toolhead.flushStepGeneration();
        double[] pos = toolhead.getPosition();
        int axis = target.getAxis();
        for (DualCarriageRail dc : carriages.values()) {
            if (dc != target && dc.getAxis() == axis && dc.isActive()) {
                dc.inactivate(pos);
            }
        }
        if (target.getMode() != CarriageMode.PRIMARY) {
            double[] newpos = pos.clone();
            newpos[axis] = target.getAxisPosition(pos);
            target.activate(CarriageMode.PRIMARY, newpos, pos);
            toolhead.setPosition(newpos, "");
        }
        kinematics(toolhead).updateLimits(axis, target.getRail().getRange());
    }

    /**
     * Homes every carriage of {@code axis}: normally the primary first, but the other
     * first when both home the same way and the primary would home against it.
     */
    public void home(Homing homing, int axis) {
        DualCarriageKinematics kin = kinematics(toolhead());
        List<DualCarriageRail> homingRails = primaryRails.stream().filter(r -> r.getAxis() == axis).toList();
        for (DualCarriageRail rail : homingRails) {
            List<DualCarriageRail> dcs = new ArrayList<>();
            for (DualCarriageRail dc : carriages.values()) {
                if (dc.getRail() == rail.getRail() || dc.getDualRail() == rail.getRail()) {
                    dcs.add(dc);
                }
            }
            if (dcs.size() > 1 && (order(dcs.get(0), dcs.get(1)) > 0) != dcs.get(0).getRail().getHomingInfo()
                    .positiveDir()) {
                java.util.Collections.reverse(dcs);
            }
            for (DualCarriageRail dc : dcs) {
                toggleActive(dc);
                kin.homeAxis(homing, dc.getAxis(), dc.getRail());
            }
        }
        activateMode(homingRails.get(0), CarriageMode.PRIMARY);
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        Map<String, Object> status = new LinkedHashMap<>();
        Map<String, Object> modes = new LinkedHashMap<>();
        carriages.forEach((name, dc) -> modes.put(name, dc.getMode().name()));
        status.put("carriages", modes);
        if (carriages.size() == 2) {
            int i = 0;
            for (DualCarriageRail dc : carriages.values()) {
                status.put("carriage_" + i++, dc.getMode().name());
            }
        }
        return status;
    }

    /**
     * The range the toolhead may move on {@code axis} with the carriages in their
     * current modes: every active carriage stays on its rail and, where two could
     * meet, at least their safe distance apart. An impossible range becomes empty.
     */
    public double[] kinematicRange(double[] pos, int axis) {
        double axisPos = pos[axis];
        double rangeMin = -1e10;
        double rangeMax = 1e10;
        for (DualCarriageRail carriage : carriages.values()) {
            if (carriage.getAxis() != axis || !carriage.isActive()) {
                continue;
            }
            List<DualCarriageRail> dcs = new ArrayList<>();
            dcs.add(carriage);
            for (DualCarriageRail dc : carriages.values()) {
                if (carriage.getRail() == dc.getDualRail()) {
                    dcs.add(dc);
                }
            }
            double p0 = carriage.getAxisPosition(pos);
            double[] range = carriage.getRail().getRange();
            switch (carriage.getMode()) {
                case PRIMARY:
                    rangeMin = Math.max(rangeMin, range[0]);
                    rangeMax = Math.min(rangeMax, range[1]);
                    break;
                case COPY:
                    rangeMin = Math.max(rangeMin, axisPos + range[0] - p0);
                    rangeMax = Math.min(rangeMax, axisPos + range[1] - p0);
                    break;
                default: // MIRROR
                    rangeMin = Math.max(rangeMin, axisPos + p0 - range[1]);
                    rangeMax = Math.min(rangeMax, axisPos + p0 - range[0]);
                    break;
            }
            Double safe = carriage.getSafeDistance();
            if (safe == null || safe == 0. || dcs.size() == 1) {
                continue;
            }
            DualCarriageRail other = dcs.get(1);
            CarriageMode m0 = carriage.getMode();
            CarriageMode m1 = other.getMode();
            if (m0 == m1 || (m0 == CarriageMode.PRIMARY && m1 == CarriageMode.COPY)
                    || (m0 == CarriageMode.COPY && m1 == CarriageMode.PRIMARY)) {
                // moving the same way, they cannot meet
                continue;
            }
            // how far this carriage may move toward the other one
            double distance = other.getAxisPosition(pos) - p0;
            int order = order(carriage, other);
            double safeMove = order > 0 ? distance + safe : distance - safe;
            if (other.isActive()) {
                safeMove *= 0.5;
            }
            if (m0 == CarriageMode.PRIMARY || m0 == CarriageMode.COPY) {
                if (order > 0) {
                    rangeMin = Math.max(rangeMin, axisPos + safeMove);
                } else {
                    rangeMax = Math.min(rangeMax, axisPos + safeMove);
                }
            } else if (order > 0) {
                rangeMax = Math.min(rangeMax, axisPos - safeMove);
            } else {
                rangeMin = Math.max(rangeMin, axisPos - safeMove);
            }
        }
        if (rangeMin > rangeMax) {
            // e.g. a carriage past its rail end after multi-MCU homing: allow no motion
            return new double[] {rangeMin, rangeMin};
        }
        return new double[] {rangeMin, rangeMax};
    }

    /** -1 if {@code first} is always at a smaller coordinate than {@code second}, 1 if larger, 0 if the same. */
    static int order(DualCarriageRail first, DualCarriageRail second) {
        if (first == second) {
            return 0;
        }
        Rail.HomingInfo a = first.getRail().getHomingInfo();
        Rail.HomingInfo b = second.getRail().getHomingInfo();
        if (a.positiveDir() != b.positiveDir()) {
            // they home away from each other
            return a.positiveDir() ? 1 : -1;
        }
        return a.positionEndstop() > b.positionEndstop() ? 1 : -1;
    }

    /** Puts {@code dc} in {@code mode} and limits its axis accordingly. */
    public void activateMode(DualCarriageRail dc, CarriageMode mode) {
        Toolhead toolhead = toolhead();
        toolhead.flushStepGeneration();
        int axis = dc.getAxis();
        if (mode == CarriageMode.INACTIVE) {
            dc.inactivate(toolhead.getPosition());
        } else if (mode == CarriageMode.PRIMARY) {
            toggleActive(dc);
        } else {
            dc.activate(mode, toolhead.getPosition(), null);
        }
        kinematics(toolhead).updateLimits(axis, kinematicRange(toolhead.getPosition(), axis));
    }

    private void cmdSetDualCarriage(GCodeCommand cmd) {
        String carriageName = cmd.get("CARRIAGE", null);
        if (carriageName == null) {
            throw cmd.error("CARRIAGE must be specified");
        }
        DualCarriageRail dc = carriages.get(carriageName);
        if (dc == null && carriages.size() == 2) {
            Integer index = parseIndex(carriageName);
            if (index != null) {
                if (index < 0 || index > 1) {
                    throw cmd.error("Invalid CARRIAGE=" + index + " index");
                }
                dc = index == 1 ? dualRails.get(0) : primaryRails.get(0);
            }
        }
        if (dc == null) {
            throw cmd.error("Invalid CARRIAGE=" + carriageName + " specified");
        }
        setMode(cmd, dc);
    }

    private void setMode(GCodeCommand cmd, DualCarriageRail dc) {
        String modeName = cmd.get("MODE", "PRIMARY").toUpperCase(Locale.ROOT);
        CarriageMode mode;
        try {
            mode = CarriageMode.valueOf(modeName);
        } catch (IllegalArgumentException e) {
            throw cmd.error("Invalid mode=" + modeName + " specified");
        }
        if (mode == CarriageMode.COPY || mode == CarriageMode.MIRROR) {
            Rail primary = getPrimaryRail(dc.getAxis());
            if (primary == null || primary == dc.getRail()) {
                throw cmd.error("Must activate another carriage as PRIMARY first");
            }
            Toolhead toolhead = toolhead();
            Object homed = toolhead.getKinematics().getStatus(printer.getReactor().monotonic()).get("homed_axes");
            char axis = AXES.charAt(dc.getAxis());
            if (homed == null || homed.toString().indexOf(axis) < 0) {
                throw cmd.error("Axis " + Character.toUpperCase(axis) + " must be homed prior to enabling mode="
                        + mode.name());
            }
        }
        if (mode == CarriageMode.INACTIVE) {
            List<DualCarriageRail> active = carriages.values().stream()
                    .filter(c -> c.isActive() && c.getAxis() == dc.getAxis()).toList();
            if (active.equals(List.of(dc))) {
                throw cmd.error("Cannot deactivate the only active carriage for axis "
                        + Character.toUpperCase(AXES.charAt(dc.getAxis())));
            }
        }
        activateMode(dc, mode);
    }

    private static Integer parseIndex(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void cmdSaveState(GCodeCommand cmd) {
        savedStates.put(cmd.get("NAME", "default"), saveState());
    }

    /** The carriages' modes and positions now. */
    public SavedState saveState() {
        double[] pos = toolhead().getPosition();
        Map<String, CarriageMode> modes = new LinkedHashMap<>();
        Map<String, Double> positions = new LinkedHashMap<>();
        for (DualCarriageRail dc : carriages.values()) {
            modes.put(dc.getName(), dc.getMode());
            positions.put(dc.getName(), dc.getAxisPosition(pos));
        }
        return new SavedState(modes, positions, pos.clone());
    }

    private void cmdRestoreState(GCodeCommand cmd) {
        String name = cmd.get("NAME", "default");
        SavedState state = savedStates.get(name);
        if (state == null) {
            throw cmd.error("Unknown DUAL_CARRIAGE state: " + name);
        }
        double moveSpeed = cmd.getFloat("MOVE_SPEED", 0., Bounds.above(0.));
        boolean move = cmd.getInt("MOVE", 1) != 0;
        restoreState(state, move, moveSpeed);
    }

    /**
     * Restores saved modes; with {@code move}, first moves every carriage back to its
     * saved position in one move (the others of an axis following the one that has
     * the farthest to go, copied or mirrored and scaled).
     */
    public void restoreState(SavedState state, boolean move, double moveSpeed) {
        Toolhead toolhead = toolhead();
        toolhead.flushStepGeneration();
        double[] movePos = toolhead.getPosition();
        List<DualCarriageRail> dcs = new ArrayList<>(carriages.values());
        if (move) {
            double homingSpeed = 99999999.;
            List<double[]> curPos = new ArrayList<>();
            for (DualCarriageRail dc : dcs) {
                toggleActive(dc);
                homingSpeed = Math.min(homingSpeed, dc.getRail().getHomingInfo().speed());
                curPos.add(toolhead.getPosition());
            }
            double[] dl = new double[dcs.size()];
            for (int i = 0; i < dcs.size(); i++) {
                dl[i] = state.positions().get(dcs.get(i).getName()) - curPos.get(i)[dcs.get(i).getAxis()];
            }
            for (int axis : axes) {
                int primary = -1;
                for (int i = 0; i < dcs.size(); i++) {
                    if (dcs.get(i).getAxis() == axis && (primary < 0 || Math.abs(dl[i]) > Math.abs(dl[primary]))) {
                        primary = i;
                    }
                }
                DualCarriageRail primaryDc = dcs.get(primary);
                toggleActive(primaryDc);
                movePos[axis] = state.positions().get(primaryDc.getName());
                for (int i = 0; i < dcs.size(); i++) {
                    if (i == primary || dcs.get(i).getAxis() != axis
                            || Math.min(Math.abs(dl[primary]), Math.abs(dl[i])) < .000000001) {
                        continue;
                    }
                    CarriageMode mode = dl[primary] * dl[i] > 0 ? CarriageMode.COPY : CarriageMode.MIRROR;
                    dcs.get(i).activate(mode, curPos.get(primary), null);
                    dcs.get(i).overrideAxisScaling(Math.abs(dl[i] / dl[primary]), curPos.get(primary));
                }
            }
            toolhead.manualMove(movePos, moveSpeed > 0. ? moveSpeed : homingSpeed);
            toolhead.flushStepGeneration();
        }
        // parking every carriage restores the scales (after a move) and lets the limits be recomputed
        for (DualCarriageRail dc : dcs) {
            dc.inactivate(movePos);
        }
        for (int axis : axes) {
            movePos[axis] = state.toolheadPosition()[axis];
        }
        toolhead.setPosition(movePos, "");
        List<DualCarriageRail> savedPrimaries = dcs.stream()
                .filter(dc -> state.modes().get(dc.getName()) == CarriageMode.PRIMARY).toList();
        for (DualCarriageRail dc : savedPrimaries) {
            activateMode(dc, CarriageMode.PRIMARY);
        }
        for (DualCarriageRail dc : dcs) {
            if (!savedPrimaries.contains(dc)) {
                activateMode(dc, state.modes().get(dc.getName()));
            }
        }
    }
}
