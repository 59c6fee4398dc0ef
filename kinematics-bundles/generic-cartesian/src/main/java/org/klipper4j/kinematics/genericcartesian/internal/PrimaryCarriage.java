/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.genericcartesian.internal;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.motion.Stepper;

/** A {@code [carriage NAME]}: the carriage of one axis with its own rail. */
final class PrimaryCarriage implements Carriage {
    private final CarriageRail rail;
    private final int axis;
    private DualCarriage dualCarriage;

    PrimaryCarriage(ConfigSection config) {
        rail = new CarriageRail(config);
        String name = rail.shortName();
        // a carriage named x, y or z serves that axis unless told otherwise
        String defaultAxis = AXIS_CHOICES.containsKey(name) ? name : null;
        axis = config.getChoice("axis", AXIS_CHOICES, defaultAxis);
    }

    @Override
    public String getName() {
        return rail.shortName();
    }

    @Override
    public int getAxis() {
        return axis;
    }

    @Override
    public CarriageRail getRail() {
        return rail;
    }

    @Override
    public void addStepper(Stepper stepper) {
        rail.addStepper(stepper, null, null);
    }

    void setDualCarriage(DualCarriage carriage) {
        dualCarriage = carriage;
    }

    @Override
    public Carriage getDualCarriage() {
        return dualCarriage;
    }
}
