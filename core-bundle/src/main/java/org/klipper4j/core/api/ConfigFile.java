/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api;

/**
 * The {@code configfile} object: lets modules stage changes that {@code SAVE_CONFIG}
 * writes into the SAVE_CONFIG block of printer.cfg (PID_CALIBRATE, bed_mesh, ...).
 */
public interface ConfigFile {
    /** Stages {@code [section] option: value}. */
    void set(String section, String option, String value);

    /** Stages the removal of a whole section from the SAVE_CONFIG block. */
    void removeSection(String section);

    /** A warning shown in {@code configfile.warnings} (e.g. deprecated options). */
    void warn(String type, String message);
}
