/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.genericcartesian.internal;

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

/**
 * The rail of a {@code [carriage]} or {@code [dual_carriage]} section (Klipper's
 * GenericPrinterRail): its endstop, range and homing options come from the carriage
 * section, its steppers from the {@code [stepper]} sections that reference it, each
 * stopped by the carriage's endstop or by that of an {@code [extra_carriage]}.
 */
final class CarriageRail implements Rail {
    private final ConfigSection config;
    private final String name;
    private final String endstopPin;
    private final List<Stepper> steppers = new ArrayList<>();
    private final List<NamedEndstop> endstops = new ArrayList<>();
    private final Map<String, McuEndstop> endstopsByPin = new HashMap<>();
    private final double positionMin;
    private final double positionMax;
    private final HomingInfo homingInfo;

    CarriageRail(ConfigSection config) {
        this.config = config;
        this.name = config.getName();
        this.endstopPin = config.get("endstop_pin");
        lookupEndstop(endstopPin, shortName());
        double positionEndstop = config.getFloat("position_endstop");
        positionMin = config.getFloat("position_min", 0.);
        positionMax = config.getFloat("position_max");
        if (!(positionMax > positionMin)) {
            throw new ConfigException("Option 'position_max' in section '" + name + "' must be above "
                    + Bounds.fmt(positionMin));
        }
        if (positionEndstop < positionMin || positionEndstop > positionMax) {
            throw new ConfigException("position_endstop in section '" + name
                    + "' must be between position_min and position_max");
        }
        double homingSpeed = config.getFloat("homing_speed", 5.0, Bounds.above(0.));
        double secondHomingSpeed = config.getFloat("second_homing_speed", homingSpeed / 2., Bounds.above(0.));
        double retractSpeed = config.getFloat("homing_retract_speed", homingSpeed, Bounds.above(0.));
        double retractDist = config.getFloat("homing_retract_dist", 5., Bounds.min(0.));
        homingInfo = new HomingInfo(homingSpeed, positionEndstop, retractSpeed, retractDist,
                homingPositiveDir(positionEndstop), secondHomingSpeed);
    }

    private boolean homingPositiveDir(double positionEndstop) {
        Boolean positiveDir = config.getBoolean("homing_positive_dir", null);
        if (positiveDir == null) {
            double axisLen = positionMax - positionMin;
            if (positionEndstop <= positionMin + axisLen / 4.) {
                return false;
            }
            if (positionEndstop >= positionMax - axisLen / 4.) {
                return true;
            }
            throw new ConfigException("Unable to infer homing_positive_dir in section '" + name + "'");
        }
        if ((positiveDir && positionEndstop == positionMin) || (!positiveDir && positionEndstop == positionMax)) {
            throw new ConfigException("Invalid homing_positive_dir / position_endstop in '" + name + "'");
        }
        return positiveDir;
    }

    /** The carriage name without the section kind: {@code carriage_x}. */
    String shortName() {
        String[] words = name.trim().split("\\s+");
        return words[words.length - 1];
    }

    /** The endstop of {@code pin}, set up (and offered to QUERY_ENDSTOPS) the first time. */
    private McuEndstop lookupEndstop(String pin, String endstopName) {
        String key = normalizePin(pin);
        McuEndstop endstop = endstopsByPin.get(key);
        if (endstop == null) {
            Printer printer = config.getPrinter();
            endstop = (McuEndstop) printer.lookupObject("pins", Pins.class).setupPin("endstop", pin);
            endstopsByPin.put(key, endstop);
            endstops.add(new NamedEndstop(endstop, endstopName));
            if (printer.hasModule(QueryEndstops.NAME)) {
                ((QueryEndstops) printer.loadObject(config, QueryEndstops.NAME)).registerEndstop(endstop,
                        endstopName);
            }
        }
        return endstop;
    }

    /** The pin without its modifiers, so two spellings of one pin share one endstop. */
    private static String normalizePin(String desc) {
        String s = desc.trim();
        while (!s.isEmpty() && (s.charAt(0) == '^' || s.charAt(0) == '~' || s.charAt(0) == '!')) {
            s = s.substring(1).trim();
        }
        return s.contains(":") ? s : "mcu:" + s;
    }

    /** Adds a stepper stopped by {@code pin} (null: this carriage's own endstop). */
    void addStepper(Stepper stepper, String pin, String endstopName) {
        steppers.add(stepper);
        McuEndstop endstop = pin == null ? lookupEndstop(endstopPin, shortName()) : lookupEndstop(pin, endstopName);
        endstop.addStepper(stepper);
    }

    @Override
    public String getName() {
        return name;
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

    @Override
    public void addExtraStepper(ConfigSection stepperConfig) {
        throw new ConfigException("Section '" + stepperConfig.getName() + "' cannot be added to carriage '"
                + shortName() + "': reference the carriage in its 'carriages' option");
    }
}
