/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.probe.api;

import java.util.Map;

/** The {@code manual_probe} object's status, kept up to date by {@link ManualProbeHelper}. */
public interface ManualProbe {
    String NAME = "manual_probe";

    /** Sets {@code is_active}, {@code z_position}, {@code z_position_lower}, {@code z_position_upper}. */
    void setStatus(Map<String, Object> status);

    /** Back to not active, no positions. */
    void resetStatus();
}
