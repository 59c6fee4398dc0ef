/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.motion;

import java.util.List;
import java.util.Map;

/**
 * The geometry of a delta printer as DELTA_CALIBRATE adjusts it (Klipper's
 * {@code DeltaCalibration} / {@code RotaryDeltaCalibration}), from
 * {@link DeltaCalibrationProvider#getCalibration()}. Parameters carry Klipper's
 * names ({@code radius}, {@code angle_a}, {@code arm_a}, {@code endstop_a},
 * {@code stepdist_a}, ... or {@code shoulder_radius}, {@code shoulder_height},
 * {@code upper_arm_a}, {@code lower_arm_a} for a rotary delta).
 */
public interface DeltaCalibration {
    /** The parameters a calibration may change; {@code extended} adds those of DELTA_CALIBRATE's extended mode. */
    List<String> adjustableParams(boolean extended);

    /** Every parameter by name. */
    Map<String, Double> params();

    /** A calibration with the given parameters (a full map as {@link #params()} returns). */
    DeltaCalibration withParams(Map<String, Double> params);

    /** The toolhead position {x, y, z} for per-tower step counts below the endstops. */
    double[] positionFromStable(double[] stablePosition);

    /** Per-tower step counts below the endstops for a toolhead position {x, y, z}. */
    double[] stablePosition(double[] coord);

    /** The options SAVE_CONFIG stores: section name to option to value text. */
    Map<String, Map<String, String>> savedOptions();

    /** The lines reported to the user after a calibration (Klipper's wording). */
    String summary();
}
