/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.genericcartesian.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.motion.AxisLimits;
import org.klipper4j.core.api.motion.Homing;
import org.klipper4j.core.api.motion.MotionQueuing;
import org.klipper4j.core.api.motion.Rail;
import org.klipper4j.core.api.motion.Stepper;
import org.klipper4j.core.api.motion.Toolhead;
import org.klipper4j.core.api.motion.ToolheadMove;
import org.klipper4j.core.api.motion.idex.CarriageMode;
import org.klipper4j.core.api.motion.idex.DualCarriageKinematics;
import org.klipper4j.core.api.motion.idex.DualCarriageRail;
import org.klipper4j.core.api.motion.idex.DualCarriages;

/**
 * {@code kinematics: generic_cartesian}: {@code [carriage]} sections give each axis a
 * carriage, {@code [extra_carriage]} and {@code [dual_carriage]} add more, and each
 * {@code [stepper]} moves as a weighted sum of carriages ({@code carriages:
 * carriage_x-carriage_y}), so cartesian, corexy, corexz, IDEX and AWD printers are
 * all described by their steppers. SET_STEPPER_CARRIAGES changes the sums at run time.
 */
public final class GenericCartesianKinematics implements DualCarriageKinematics {
    private static final String AXES = "xyz";

    private final Toolhead toolhead;
    private final List<PrimaryCarriage> primaryCarriages = new ArrayList<>();
    private final List<DualCarriage> dualCarriages = new ArrayList<>();
    /** Primary and dual carriages, by name. */
    private final Map<String, Carriage> carriages = new LinkedHashMap<>();
    /** Every carriage a stepper may reference, extra carriages included. */
    private final Map<String, Carriage> allCarriages = new LinkedHashMap<>();
    private final List<KinematicStepper> steppers = new ArrayList<>();
    private final DualCarriages dcModule;
    private final AxisLimits limits;
    private final double maxZVelocity;
    private final double maxZAccel;

    public GenericCartesianKinematics(Toolhead toolhead, ConfigSection config, MotionQueuing motionQueuing) {
        this.toolhead = toolhead;
        loadCarriages(config, motionQueuing);
        for (KinematicStepper s : steppers) {
            s.getStepper().setTrapq(toolhead.getTrapq());
        }
        dcModule = dualCarriagesModule(config);
        if (dcModule == null) {
            checkKinematics(ConfigException::new);
        }
        double[] maxV = toolhead.getMaxVelocity();
        maxZVelocity = config.getFloat("max_z_velocity", maxV[0], Bounds.above(0.).andMax(maxV[0]));
        maxZAccel = config.getFloat("max_z_accel", maxV[1], Bounds.above(0.).andMax(maxV[1]));
        limits = new AxisLimits(List.of(primaryOf(0).getRail(), primaryOf(1).getRail(), primaryOf(2).getRail()));
        GCodeDispatch gcode = config.getPrinter().lookupObject("gcode", GCodeDispatch.class);
        gcode.registerCommand("SET_STEPPER_CARRIAGES", this::cmdSetStepperCarriages, "Set stepper carriages");
    }

    private void loadCarriages(ConfigSection config, MotionQueuing motionQueuing) {
        for (ConfigSection c : config.getPrefixSections("carriage ")) {
            primaryCarriages.add(new PrimaryCarriage(c));
        }
        for (int axis = 0; axis < 3; axis++) {
            int a = axis;
            List<String> dups = primaryCarriages.stream().filter(c -> c.getAxis() == a).map(Carriage::getName)
                    .toList();
            if (dups.size() > 1) {
                throw new ConfigException("Axis '" + AXES.charAt(axis) + "' is set for multiple primary carriages ("
                        + String.join(", ", dups) + ")");
            }
            if (dups.isEmpty()) {
                throw new ConfigException("No carriage defined for axis '" + AXES.charAt(axis) + "'");
            }
        }
        for (ConfigSection c : config.getPrefixSections("dual_carriage ")) {
            dualCarriages.add(new DualCarriage(c));
        }
        List<Carriage> named = new ArrayList<>(primaryCarriages);
        named.addAll(dualCarriages);
        for (Carriage c : named) {
            if (carriages.put(c.getName(), c) != null) {
                throw new ConfigException("Redefinition of carriage " + c.getName());
            }
        }
        for (DualCarriage dc : dualCarriages) {
            dc.resolvePrimary(carriages);
        }
        allCarriages.putAll(carriages);
        for (ConfigSection c : config.getPrefixSections("extra_carriage ")) {
            ExtraCarriage ec = new ExtraCarriage(c, allCarriages);
            if (allCarriages.containsKey(ec.getName())) {
                throw new ConfigException("Redefinition of carriage " + ec.getName());
            }
            allCarriages.put(ec.getName(), ec);
        }
        for (ConfigSection c : config.getPrefixSections("stepper ")) {
            steppers.add(new KinematicStepper(c, allCarriages, motionQueuing));
        }
        checkCarriagesReferenced();
        checkSingleMcuHoming();
    }

    private void checkCarriagesReferenced() {
        Set<String> unreferenced = new LinkedHashSet<>(allCarriages.keySet());
        for (KinematicStepper s : steppers) {
            s.getCarriages().forEach(c -> unreferenced.remove(c.getName()));
        }
        if (!unreferenced.isEmpty()) {
            throw new ConfigException("Carriage(s) " + String.join(", ", unreferenced)
                    + " must be referenced by some stepper(s)");
        }
    }

    private void checkSingleMcuHoming() {
        for (Carriage c : carriages.values()) {
            List<Stepper> railSteppers = c.getRail().getSteppers();
            for (Rail.NamedEndstop es : c.getRail().getEndstops()) {
                Set<Mcu> mcus = new HashSet<>();
                for (Object o : es.endstop().getSteppers()) {
                    if (railSteppers.contains(o)) {
                        mcus.add(((Stepper) o).getMcu());
                    }
                }
                if (mcus.size() > 1) {
                    throw new ConfigException("Multi-mcu homing not supported on multi-mcu shared carriage "
                            + es.name());
                }
            }
        }
    }

    /** The dual-carriage module when there are dual carriages, its modes checked for a usable kinematics. */
    private DualCarriages dualCarriagesModule(ConfigSection config) {
        if (dualCarriages.isEmpty()) {
            return null;
        }
        Set<Integer> dcAxes = new HashSet<>();
        dualCarriages.forEach(dc -> dcAxes.add(dc.getAxis()));
        List<Carriage> pcs = new ArrayList<>();
        primaryCarriages.stream().filter(pc -> dcAxes.contains(pc.getAxis())).forEach(pcs::add);
        dualCarriages.stream().filter(dc -> dc.getPrimaryCarriage() == null).forEach(pcs::add);
        List<Rail> primaryRails = new ArrayList<>();
        List<Rail> dualRails = new ArrayList<>();
        List<Integer> axes = new ArrayList<>();
        List<Double> safeDistances = new ArrayList<>();
        List<Carriage> dcs = new ArrayList<>();
        for (Carriage pc : pcs) {
            DualCarriage dc = (DualCarriage) pc.getDualCarriage();
            dcs.add(dc);
            primaryRails.add(pc.getRail());
            dualRails.add(dc == null ? null : dc.getRail());
            axes.add(pc.getAxis());
            safeDistances.add(dc == null ? null : dc.getSafeDistance());
        }
        DualCarriages module = new DualCarriages(config.getPrinter(), primaryRails, dualRails, axes, safeDistances);
        double[] zero = {0., 0.};
        // every choice of active carriage per pair must give a usable kinematics
        for (List<Carriage> active : combinations(pcs, dcs)) {
            for (Carriage c : active) {
                module.getCarriage(c.getRail()).activate(CarriageMode.PRIMARY, zero, null);
                if (c.getDualCarriage() != null) {
                    module.getCarriage(c.getDualCarriage().getRail()).inactivate(zero);
                }
            }
            checkKinematics(ConfigException::new);
        }
        for (DualCarriage dc : dualCarriages) {
            module.getCarriage(dc.getRail()).inactivate(zero);
        }
        for (PrimaryCarriage pc : primaryCarriages) {
            if (dcAxes.contains(pc.getAxis())) {
                module.getCarriage(pc.getRail()).activate(CarriageMode.PRIMARY, zero, null);
            }
        }
        return module;
    }

    /** Every way to pick one carriage of each pair (a missing partner is skipped). */
    private static List<List<Carriage>> combinations(List<Carriage> firsts, List<Carriage> seconds) {
        List<List<Carriage>> out = new ArrayList<>();
        out.add(new ArrayList<>());
        for (int i = 0; i < firsts.size(); i++) {
            List<List<Carriage>> next = new ArrayList<>();
            for (List<Carriage> prefix : out) {
                for (Carriage c : new Carriage[] {firsts.get(i), seconds.get(i)}) {
                    List<Carriage> l = new ArrayList<>(prefix);
                    if (c != null) {
                        l.add(c);
                    }
                    next.add(l);
                }
            }
            out = next;
        }
        return out;
    }

    /** The stepper matrix with the dual carriages' current scales and offsets applied. */
    private StepperMatrix matrix() {
        int n = steppers.size();
        double[][] rows = new double[n][];
        double[][] orig = new double[n][];
        double[][] axisOffsets = new double[n][3];
        Map<Stepper, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            orig[i] = steppers.get(i).getCoeffs();
            rows[i] = orig[i].clone();
            index.put(steppers.get(i).getStepper(), i);
        }
        double[] offsets = new double[n];
        if (dcModule != null) {
            for (Carriage c : allCarriages.values()) {
                int axis = c.getAxis();
                if (!dcModule.getAxes().contains(axis)) {
                    continue;
                }
                double[] t = dcModule.getTransform(c.getRail());
                for (Stepper s : c.getRail().getSteppers()) {
                    int i = index.get(s);
                    rows[i][axis] *= t[0];
                    axisOffsets[i][axis] += t[1];
                }
            }
            for (int i = 0; i < n; i++) {
                offsets[i] = orig[i][0] * axisOffsets[i][0] + orig[i][1] * axisOffsets[i][1]
                        + orig[i][2] * axisOffsets[i][2];
            }
        }
        return new StepperMatrix(rows, offsets);
    }

    private void checkKinematics(Function<String, RuntimeException> error) {
        if (!matrix().isInvertible()) {
            throw error.apply("Verify configured stepper(s) and their 'carriages' specifications, the current "
                    + "configuration does not allow independent movements of all printer axes.");
        }
    }

    @Override
    public List<Stepper> getSteppers() {
        return steppers.stream().map(KinematicStepper::getStepper).toList();
    }

    @Override
    public double[] calcPosition(Map<String, Double> stepperPositions) {
        double[] spos = new double[steppers.size()];
        for (int i = 0; i < spos.length; i++) {
            Double p = stepperPositions.get(steppers.get(i).getName());
            if (p == null) {
                throw new IllegalArgumentException("No position for stepper '" + steppers.get(i).getName() + "'");
            }
            spos[i] = p;
        }
        return matrix().toolheadPosition(spos);
    }

    /** The {@code [carriage]} of an axis. */
    private PrimaryCarriage primaryOf(int axis) {
        return primaryCarriages.stream().filter(c -> c.getAxis() == axis).findFirst().orElseThrow();
    }

    /** The carriage the toolhead drives on each axis. */
    private List<Carriage> activePrimaryCarriages() {
        List<Carriage> out = new ArrayList<>();
        for (int axis = 0; axis < 3; axis++) {
            Carriage found = primaryOf(axis);
            if (dcModule != null && dcModule.getAxes().contains(axis)) {
                Rail primary = dcModule.getPrimaryRail(axis);
                found = carriages.values().stream().filter(c -> c.getRail() == primary).findFirst().orElse(null);
            }
            out.add(found);
        }
        return out;
    }

    private boolean isActive(Carriage c) {
        if (c instanceof PrimaryCarriage && c.getDualCarriage() == null) {
            return true;
        }
        return dcModule != null && dcModule.isActive(c.getRail());
    }

    @Override
    public void setPosition(double[] newpos, String homingAxes) {
        for (KinematicStepper s : steppers) {
            s.getStepper().setPosition(newpos[0], newpos[1], newpos[2]);
        }
        for (int axis = 0; axis < 3; axis++) {
            if (homingAxes.indexOf(AXES.charAt(axis)) < 0) {
                continue;
            }
            for (Carriage c : carriages.values()) {
                if (c.getAxis() == axis && isActive(c)) {
                    limits.noteHomed(axis, c.getRail().getRange());
                    break;
                }
            }
        }
    }

    @Override
    public void clearHomingState(String axes) {
        limits.clear(axes);
    }

    @Override
    public void updateLimits(int axis, double[] range) {
        limits.updateLimits(axis, range);
    }

    @Override
    public void homeAxis(Homing homing, int axis, Rail rail) {
        AxisLimits.homeRail(homing, axis, rail);
    }

    @Override
    public void home(Homing homing) {
        checkKinematics(CommandError::new);
        List<Carriage> active = activePrimaryCarriages();
        for (int axis : homing.getAxes()) {
            if (dcModule != null && dcModule.getAxes().contains(axis)) {
                dcModule.home(homing, axis);
            } else {
                homeAxis(homing, axis, active.get(axis).getRail());
            }
        }
    }

    @Override
    public void checkMove(ToolheadMove move) {
        if (limits.outsideXy(move.endPos())) {
            limits.checkEndstops(move);
        }
        double[] ad = move.axesD();
        if (ad[2] == 0.) {
            return;
        }
        limits.checkEndstops(move);
        double zRatio = move.moveDistance() / Math.abs(ad[2]);
        move.limitSpeed(maxZVelocity * zRatio, maxZAccel * zRatio);
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        List<Double> min = new ArrayList<>();
        List<Double> max = new ArrayList<>();
        for (Carriage c : activePrimaryCarriages()) {
            double[] r = c == null ? new double[] {0., 0.} : c.getRail().getRange();
            min.add(r[0]);
            max.add(r[1]);
        }
        min.add(0.);
        max.add(0.);
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("homed_axes", limits.status().get("homed_axes"));
        status.put("axis_minimum", min);
        status.put("axis_maximum", max);
        return status;
    }

    private void cmdSetStepperCarriages(GCodeCommand cmd) {
        toolhead.flushStepGeneration();
        String name = cmd.get("STEPPER");
        String text = cmd.get("CARRIAGES").toLowerCase(Locale.ROOT);
        boolean validate = cmd.getInt("DISABLE_CHECKS", 0) == 0;
        setStepperCarriages(name, text, validate, cmd::error);
    }

    /**
     * SET_STEPPER_CARRIAGES: new coefficients for the carriages a stepper already
     * follows; with {@code validate}, every dual-carriage choice must still move all axes.
     */
    void setStepperCarriages(String name, String text, boolean validate, Function<String, RuntimeException> error) {
        List<KinematicStepper> matching = steppers.stream()
                .filter(s -> s.getName().equals(name) || s.getShortName().equals(name)).toList();
        if (matching.size() != 1) {
            throw error.apply("Invalid STEPPER '" + name + "' specified");
        }
        KinematicStepper stepper = matching.get(0);
        List<Carriage> oldCarriages = stepper.getCarriages();
        double[] oldCoeffs = stepper.getCoeffs();
        stepper.updateCarriages(text, allCarriages, error);
        if (!stepper.getCarriages().equals(oldCarriages)) {
            // Klipper keeps the refused carriage list here; we put both back so a later valid change works
            stepper.restore(oldCarriages, oldCoeffs);
            throw error.apply("SET_STEPPER_CARRIAGES cannot add or remove carriages that the stepper controls");
        }
        double[] pos = toolhead.getPosition();
        stepper.getStepper().setPosition(pos[0], pos[1], pos[2]);
        if (!validate) {
            return;
        }
        if (dcModule == null) {
            checkKinematics(error);
            return;
        }
        DualCarriages.SavedState state = dcModule.saveState();
        List<Carriage> firsts = new ArrayList<>();
        List<Carriage> seconds = new ArrayList<>();
        for (DualCarriage dc : dualCarriages) {
            firsts.add(dc.getDualCarriage());
            seconds.add(dc);
        }
        for (List<Carriage> active : combinations(firsts, seconds)) {
            for (Carriage c : active) {
                DualCarriageRail r = dcModule.getCarriage(c.getRail());
                r.activate(CarriageMode.PRIMARY, pos, null);
                dcModule.getCarriage(c.getDualCarriage().getRail()).inactivate(pos);
            }
            checkKinematics(error);
        }
        dcModule.restoreState(state, false, 0.);
    }
}
