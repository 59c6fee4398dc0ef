/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.fan.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.klipper4j.core.api.StatusProvider;

/** A printer object whose status a test sets (a heater, stepper_enable). */
final class FakeStatus implements StatusProvider {
    final Map<String, Object> status = new LinkedHashMap<>();

    static FakeStatus heater(double temperature, double target) {
        FakeStatus h = new FakeStatus();
        h.status.put("temperature", temperature);
        h.status.put("target", target);
        return h;
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        return new LinkedHashMap<>(status);
    }
}
