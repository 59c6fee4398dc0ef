/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.motion;

import org.klipper4j.core.api.mcu.McuEndstop;

/**
 * The endstops QUERY_ENDSTOPS reports (Klipper's {@code query_endstops} object,
 * registered as {@value #NAME}); rails register each endstop they create.
 */
public interface QueryEndstops {
    String NAME = "query_endstops";

    /** Adds an endstop reported under {@code name} (the short stepper name, e.g. {@code x}). */
    void registerEndstop(McuEndstop endstop, String name);
}
