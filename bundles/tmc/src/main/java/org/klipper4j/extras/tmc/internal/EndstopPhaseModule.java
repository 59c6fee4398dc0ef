/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.tmc.internal;

import java.util.Map;
import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;
import org.klipper4j.core.api.StatusProvider;
import org.osgi.service.component.annotations.Component;

/**
 * Serves {@code [endstop_phase]} and {@code [endstop_phase stepper_x]}. Only the
 * options are taken so far: phase-adjusted homing is not done yet, so homing
 * positions are those of the endstops alone (the same as Klipper's before a
 * driver phase is known, which is always the case in batch mode).
 */
@Component(property = {PrinterModule.SECTION + "=endstop_phase", PrinterModule.PREFIX + "=true"})
public class EndstopPhaseModule implements PrinterModule {

    @Override
    public Object load(ConfigSection config) {
        if (config.getName().trim().contains(" ")) {
            config.getInt("endstop_phase", null, 0, null);
            config.getFloat("endstop_accuracy", null, Bounds.above(0.));
            config.getBoolean("endstop_align_zero", false);
            config.get("trigger_phase", null);
        }
        return (StatusProvider) eventtime -> Map.of("last_home", Map.of());
    }
}
