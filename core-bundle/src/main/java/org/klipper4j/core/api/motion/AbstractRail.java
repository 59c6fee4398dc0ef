/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.motion;

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

/**
 * What every {@link Rail} keeps the same way: its steppers, its endstops (one per pin,
 * however the pin is spelled), its travel range and homing options. A subclass says
 * where its steppers and endstops come from (a {@code [stepper_x]} section, a
 * {@code [carriage]} section, ...) and calls {@link #setTravel} once in its constructor.
 */
public abstract class AbstractRail implements Rail {
    private final List<Stepper> steppers = new ArrayList<>();
    private final List<NamedEndstop> endstops = new ArrayList<>();
    private final Map<String, McuEndstop> endstopsByPin = new HashMap<>();
    private double positionMin;
    private double positionMax;
    private HomingInfo homingInfo;

    protected AbstractRail() {
    }

    /** Adds a stepper that moves with this rail (its endstop is the caller's business). */
    protected void addStepper(Stepper stepper) {
        steppers.add(stepper);
    }

    /** The endstop already set up on {@code pin} (in any spelling), or null. */
    protected McuEndstop endstopOnPin(String pin) {
        return endstopsByPin.get(normalizePin(pin));
    }

    /** Sets up the endstop on {@code pin}; it is named later with {@link #nameEndstop}. */
    protected McuEndstop setupEndstop(Printer printer, String pin) {
        McuEndstop endstop = (McuEndstop) printer.lookupObject("pins", Pins.class).setupPin("endstop", pin);
        endstopsByPin.put(normalizePin(pin), endstop);
        return endstop;
    }

    /** Lists {@code endstop} as one of this rail's and offers it to QUERY_ENDSTOPS under {@code name}. */
    protected void nameEndstop(ConfigSection config, McuEndstop endstop, String name) {
        endstops.add(new NamedEndstop(endstop, name));
        Printer printer = config.getPrinter();
        if (printer.hasModule(QueryEndstops.NAME)) {
            ((QueryEndstops) printer.loadObject(config, QueryEndstops.NAME)).registerEndstop(endstop, name);
        }
    }

    /** The pin without its modifiers, so two spellings of one pin share one endstop. */
    private static String normalizePin(String desc) {
        String s = desc.trim();
        while (!s.isEmpty() && (s.charAt(0) == '^' || s.charAt(0) == '~' || s.charAt(0) == '!')) {
            s = s.substring(1).trim();
        }
        return s.contains(":") ? s : "mcu:" + s;
    }

    /** {@code position_min} (default 0) and {@code position_max} of {@code config}, checked to be in order. */
    protected static double[] readPositionRange(ConfigSection config) {
        double min = config.getFloat("position_min", 0.);
        double max = config.getFloat("position_max");
        if (!(max > min)) {
            throw new ConfigException("Option 'position_max' in section '" + config.getName() + "' must be above "
                    + Bounds.fmt(min));
        }
        return new double[] {min, max};
    }

    /**
     * Sets the travel range and reads the homing options of {@code config}
     * ({@code homing_speed}, {@code homing_positive_dir}, ...), checking that the
     * endstop lies within the range.
     */
    protected void setTravel(ConfigSection config, double positionEndstop, double min, double max) {
        if (positionEndstop < min || positionEndstop > max) {
            throw new ConfigException("position_endstop in section '" + config.getName()
                    + "' must be between position_min and position_max");
        }
        positionMin = min;
        positionMax = max;
        double homingSpeed = config.getFloat("homing_speed", 5.0, Bounds.above(0.));
        double secondHomingSpeed = config.getFloat("second_homing_speed", homingSpeed / 2., Bounds.above(0.));
        double retractSpeed = config.getFloat("homing_retract_speed", homingSpeed, Bounds.above(0.));
        double retractDist = config.getFloat("homing_retract_dist", 5., Bounds.min(0.));
        homingInfo = new HomingInfo(homingSpeed, positionEndstop, retractSpeed, retractDist,
                homingPositiveDir(config, positionEndstop, min, max), secondHomingSpeed);
    }

    private static boolean homingPositiveDir(ConfigSection config, double positionEndstop, double min, double max) {
        Boolean positiveDir = config.getBoolean("homing_positive_dir", null);
        if (positiveDir == null) {
            // an endstop in the first or last quarter of the axis says which way to home
            double axisLen = max - min;
            if (positionEndstop <= min + axisLen / 4.) {
                return false;
            }
            if (positionEndstop >= max - axisLen / 4.) {
                return true;
            }
            throw new ConfigException("Unable to infer homing_positive_dir in section '" + config.getName() + "'");
        }
        if ((positiveDir && positionEndstop == min) || (!positiveDir && positionEndstop == max)) {
            throw new ConfigException("Invalid homing_positive_dir / position_endstop in '" + config.getName() + "'");
        }
        return positiveDir;
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
