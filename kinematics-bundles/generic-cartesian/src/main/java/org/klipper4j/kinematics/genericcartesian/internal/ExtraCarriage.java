/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.genericcartesian.internal;

import java.util.Map;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.motion.Stepper;

/**
 * An {@code [extra_carriage NAME]}: moves with its primary carriage and homes on its
 * rail, but with an endstop of its own for the steppers that reference it.
 */
final class ExtraCarriage implements Carriage {
    private final String name;
    private final Carriage primary;
    private final String endstopPin;

    ExtraCarriage(ConfigSection config, Map<String, Carriage> carriages) {
        String[] words = config.getName().trim().split("\\s+");
        name = words[words.length - 1];
        primary = config.getChoice("primary_carriage", carriages, null);
        endstopPin = config.get("endstop_pin");
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public int getAxis() {
        return primary.getAxis();
    }

    @Override
    public CarriageRail getRail() {
        return primary.getRail();
    }

    @Override
    public void addStepper(Stepper stepper) {
        getRail().addStepper(stepper, endstopPin, name);
    }
}
