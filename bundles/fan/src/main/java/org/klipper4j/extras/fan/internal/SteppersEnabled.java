/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.fan.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.StatusProvider;

/** Which steppers are enabled, read from the {@code stepper_enable} object's status ({@code steppers}). */
final class SteppersEnabled {
    private final StatusProvider stepperEnable;

    SteppersEnabled(Printer printer) {
        Optional<StatusProvider> found = printer.findObject("stepper_enable", StatusProvider.class);
        stepperEnable = found.orElse(null);
    }

    /** Every stepper stepper_enable knows, in its order; none without a stepper_enable object. */
    List<String> names(double eventtime) {
        return new ArrayList<>(steppers(eventtime).keySet());
    }

    boolean isEnabled(String stepper, double eventtime) {
        return Boolean.TRUE.equals(steppers(eventtime).get(stepper));
    }

    private Map<String, Object> steppers(double eventtime) {
        if (stepperEnable == null) {
            return Map.of();
        }
        Object steppers = stepperEnable.getStatus(eventtime).get("steppers");
        if (!(steppers instanceof Map<?, ?> map)) {
            return Map.of();
        }
        // keys are stepper names
        Map<String, Object> byName = new LinkedHashMap<>();
        map.forEach((k, v) -> byName.put(String.valueOf(k), v));
        return byName;
    }
}
