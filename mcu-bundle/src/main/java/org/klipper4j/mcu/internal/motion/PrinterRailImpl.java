/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.motion;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.mcu.McuEndstop;
import org.klipper4j.core.api.motion.AbstractRail;
import org.klipper4j.core.api.motion.Stepper;

/** An axis rail (Klipper's PrinterRail): steppers, endstops, range and homing options of a stepper section. */
final class PrinterRailImpl extends AbstractRail {
    private final MotionQueuingImpl motionQueuing;
    private final boolean unitsInRadians;

    PrinterRailImpl(ConfigSection config, boolean needPositionMinMax, Double defaultPositionEndstop,
            boolean unitsInRadians, MotionQueuingImpl motionQueuing) {
        this.motionQueuing = motionQueuing;
        this.unitsInRadians = unitsInRadians;
        addExtraStepper(config);
        // a probe's virtual endstop knows its trigger height
        Double endstopPosition = getEndstops().get(0).endstop().getPositionEndstop();
        if (endstopPosition != null) {
            defaultPositionEndstop = endstopPosition;
        }
        double positionEndstop = defaultPositionEndstop == null ? config.getFloat("position_endstop")
                : config.getFloat("position_endstop", defaultPositionEndstop);
        double[] range = needPositionMinMax ? readPositionRange(config) : new double[] {0., positionEndstop};
        setTravel(config, positionEndstop, range[0], range[1]);
    }

    @Override
    public void addExtraStepper(ConfigSection config) {
        String endstopPin = config.get("endstop_pin", null);
        if (!getEndstops().isEmpty() && endstopPin == null) {
            // no endstop of its own: stops with the primary endstop
            Stepper stepper = motionQueuing.createStepper(config, unitsInRadians);
            addStepper(stepper);
            getEndstops().get(0).endstop().addStepper(stepper);
            return;
        }
        if (endstopPin == null) {
            endstopPin = config.get("endstop_pin");
        }
        // Object ids come in Klipper's order: a rail's first endstop before its first
        // stepper, an extra stepper (stepper_z1) before its own endstop.
        boolean primary = getSteppers().isEmpty();
        Stepper stepper = primary ? null : motionQueuing.createStepper(config, unitsInRadians);
        McuEndstop endstop = endstopOnPin(endstopPin);
        boolean isNew = endstop == null;
        if (isNew) {
            endstop = setupEndstop(config.getPrinter(), endstopPin);
        }
        if (primary) {
            stepper = motionQueuing.createStepper(config, unitsInRadians);
        }
        addStepper(stepper);
        if (isNew) {
            nameEndstop(config, endstop, shortName(stepper.getName()));
        }
        endstop.addStepper(stepper);
    }

    private static String shortName(String name) {
        return name.startsWith("stepper_") ? name.substring("stepper_".length()) : name;
    }

    @Override
    public String getName() {
        return getSteppers().get(0).getName();
    }
}
