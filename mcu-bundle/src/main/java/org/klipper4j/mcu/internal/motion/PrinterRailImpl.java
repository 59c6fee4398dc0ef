/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.motion;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.mcu.McuEndstop;
import org.klipper4j.core.api.mcu.Pins;
import org.klipper4j.core.api.motion.QueryEndstops;
import org.klipper4j.core.api.motion.Rail;
import org.klipper4j.core.api.motion.Stepper;
import org.klipper4j.core.api.motion.StepperKinematics;
import org.klipper4j.core.api.motion.TrapQueue;

/** An axis rail (Klipper's PrinterRail): steppers, endstops, range and homing options of a stepper section. */
final class PrinterRailImpl implements Rail {
    private final MotionQueuingImpl motionQueuing;
    private final boolean unitsInRadians;
    private final List<Stepper> steppers = new ArrayList<>();
    private final List<NamedEndstop> endstops = new ArrayList<>();
    private final Map<String, McuEndstop> endstopsByPin = new HashMap<>();
    private final double positionMin;
    private final double positionMax;
    private final HomingInfo homingInfo;

    PrinterRailImpl(ConfigSection config, boolean needPositionMinMax, Double defaultPositionEndstop,
            boolean unitsInRadians, MotionQueuingImpl motionQueuing) {
        this.motionQueuing = motionQueuing;
        this.unitsInRadians = unitsInRadians;
        addExtraStepper(config);
        // a probe's virtual endstop knows its trigger height
        Double endstopPosition = endstops.get(0).endstop().getPositionEndstop();
        if (endstopPosition != null) {
            defaultPositionEndstop = endstopPosition;
        }
        double positionEndstop = defaultPositionEndstop == null ? config.getFloat("position_endstop")
                : config.getFloat("position_endstop", defaultPositionEndstop);
        if (needPositionMinMax) {
            positionMin = config.getFloat("position_min", 0.);
            positionMax = config.getFloat("position_max");
            if (!(positionMax > positionMin)) {
                throw new ConfigException("Option 'position_max' in section '" + config.getName()
                        + "' must be above " + pyFloat(positionMin));
            }
        } else {
            positionMin = 0.;
            positionMax = positionEndstop;
        }
        if (positionEndstop < positionMin || positionEndstop > positionMax) {
            throw new ConfigException("position_endstop in section '" + config.getName()
                    + "' must be between position_min and position_max");
        }
        double homingSpeed = config.getFloat("homing_speed", 5.0, Bounds.above(0.));
        double secondHomingSpeed = config.getFloat("second_homing_speed", homingSpeed / 2., Bounds.above(0.));
        double retractSpeed = config.getFloat("homing_retract_speed", homingSpeed, Bounds.above(0.));
        double retractDist = config.getFloat("homing_retract_dist", 5., Bounds.min(0.));
        Boolean positiveDir = config.getBoolean("homing_positive_dir", null);
        if (positiveDir == null) {
            double axisLen = positionMax - positionMin;
            if (positionEndstop <= positionMin + axisLen / 4.) {
                positiveDir = false;
            } else if (positionEndstop >= positionMax - axisLen / 4.) {
                positiveDir = true;
            } else {
                throw new ConfigException("Unable to infer homing_positive_dir in section '" + config.getName()
                        + "'");
            }
        } else if ((positiveDir && positionEndstop == positionMin)
                || (!positiveDir && positionEndstop == positionMax)) {
            throw new ConfigException("Invalid homing_positive_dir / position_endstop in '" + config.getName()
                    + "'");
        }
        homingInfo = new HomingInfo(homingSpeed, positionEndstop, retractSpeed, retractDist, positiveDir,
                secondHomingSpeed);
    }

    private static String pyFloat(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e16 ? String.format("%.1f", v) : Double.toString(v);
    }

    @Override
    public void addExtraStepper(ConfigSection config) {
        String endstopPin = config.get("endstop_pin", null);
        if (!endstops.isEmpty() && endstopPin == null) {
            // no endstop of its own: stops with the primary endstop
            Stepper stepper = motionQueuing.createStepper(config, unitsInRadians);
            steppers.add(stepper);
            endstops.get(0).endstop().addStepper(stepper);
            return;
        }
        if (endstopPin == null) {
            endstopPin = config.get("endstop_pin");
        }
        // Object ids come in Klipper's order: a rail's first endstop before its first
        // stepper, an extra stepper (stepper_z1) before its own endstop.
        boolean primary = steppers.isEmpty();
        Stepper stepper = primary ? null : motionQueuing.createStepper(config, unitsInRadians);
        String key = normalizePin(endstopPin);
        McuEndstop endstop = endstopsByPin.get(key);
        boolean isNew = endstop == null;
        if (isNew) {
            Pins pins = config.getPrinter().lookupObject("pins", Pins.class);
            endstop = (McuEndstop) pins.setupPin("endstop", endstopPin);
            endstopsByPin.put(key, endstop);
        }
        if (primary) {
            stepper = motionQueuing.createStepper(config, unitsInRadians);
        }
        steppers.add(stepper);
        if (isNew) {
            String name = shortName(stepper.getName());
            endstops.add(new NamedEndstop(endstop, name));
            Printer printer = config.getPrinter();
            if (printer.hasModule(QueryEndstops.NAME)) {
                ((QueryEndstops) printer.loadObject(config, QueryEndstops.NAME)).registerEndstop(endstop, name);
            }
        }
        endstop.addStepper(stepper);
    }

    /** The pin without its modifiers, so two spellings of one pin share one endstop. */
    private static String normalizePin(String desc) {
        String s = desc.trim();
        while (!s.isEmpty() && (s.charAt(0) == '^' || s.charAt(0) == '~' || s.charAt(0) == '!')) {
            s = s.substring(1).trim();
        }
        return s.contains(":") ? s : "mcu:" + s;
    }

    private static String shortName(String name) {
        return name.startsWith("stepper_") ? name.substring("stepper_".length()) : name;
    }

    @Override
    public String getName() {
        return steppers.get(0).getName();
    }

    @Override
    public double[] getRange() {
        return new double[] {positionMin, positionMax};
    }

    @Override
    public HomingInfo getHomingInfo() {
        return homingInfo;
    }

    @Override
    public List<Stepper> getSteppers() {
        return List.copyOf(steppers);
    }

    @Override
    public List<NamedEndstop> getEndstops() {
        return List.copyOf(endstops);
    }

    @Override
    public void setStepperKinematics(Function<Stepper, StepperKinematics> factory) {
        for (Stepper s : steppers) {
            s.setStepperKinematics(factory.apply(s));
        }
    }

    @Override
    public void setTrapq(TrapQueue trapq) {
        for (Stepper s : steppers) {
            s.setTrapq(trapq);
        }
    }

    @Override
    public void setPosition(double x, double y, double z) {
        for (Stepper s : steppers) {
            s.setPosition(x, y, z);
        }
    }
}
