/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.genericcartesian.internal;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.mcu.McuEndstop;
import org.klipper4j.core.api.motion.AbstractRail;
import org.klipper4j.core.api.motion.Stepper;

/**
 * The rail of a {@code [carriage]} or {@code [dual_carriage]} section (Klipper's
 * GenericPrinterRail): its endstop, range and homing options come from the carriage
 * section, its steppers from the {@code [stepper]} sections that reference it, each
 * stopped by the carriage's endstop or by that of an {@code [extra_carriage]}.
 */
final class CarriageRail extends AbstractRail {
    private final ConfigSection config;
    private final String name;
    private final String endstopPin;

    CarriageRail(ConfigSection config) {
        this.config = config;
        this.name = config.getName();
        this.endstopPin = config.get("endstop_pin");
        lookupEndstop(endstopPin, shortName());
        double positionEndstop = config.getFloat("position_endstop");
        double[] range = readPositionRange(config);
        setTravel(config, positionEndstop, range[0], range[1]);
    }

    /** The carriage name without the section kind: {@code carriage_x}. */
    String shortName() {
        String[] words = name.trim().split("\\s+");
        return words[words.length - 1];
    }

    /** The endstop of {@code pin}, set up (and offered to QUERY_ENDSTOPS) the first time. */
    private McuEndstop lookupEndstop(String pin, String endstopName) {
        McuEndstop endstop = endstopOnPin(pin);
        if (endstop == null) {
            endstop = setupEndstop(config.getPrinter(), pin);
            nameEndstop(config, endstop, endstopName);
        }
        return endstop;
    }

    /** Adds a stepper stopped by {@code pin} (null: this carriage's own endstop). */
    void addStepper(Stepper stepper, String pin, String endstopName) {
        addStepper(stepper);
        McuEndstop endstop = pin == null ? lookupEndstop(endstopPin, shortName())
                : lookupEndstop(pin, endstopName);
        endstop.addStepper(stepper);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public void addExtraStepper(ConfigSection stepperConfig) {
        throw new ConfigException("Section '" + stepperConfig.getName() + "' cannot be added to carriage '"
                + shortName() + "': reference the carriage in its 'carriages' option");
    }
}
