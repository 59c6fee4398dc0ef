/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.leveling.internal;

import java.util.Map;

import org.klipper4j.core.api.Printer;

/** The {@code applied} flag of z_tilt and quad_gantry_level: set by a finished leveling, cleared by motors off. */
final class ZAdjustStatus {
    private boolean applied;

    ZAdjustStatus(Printer printer) {
        printer.registerEventHandler("stepper_enable:motor_off", args -> reset());
    }

    RetryHelper.Result checkRetryResult(RetryHelper.Result result) {
        if (result == RetryHelper.Result.DONE) {
            applied = true;
        }
        return result;
    }

    void reset() {
        applied = false;
    }

    Map<String, Object> getStatus() {
        return Map.of("applied", applied);
    }
}
