/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.motion;

/** A kinematics whose geometry DELTA_CALIBRATE can calibrate (delta, rotary_delta). */
public interface DeltaCalibrationProvider {
    /** The geometry now in use. */
    DeltaCalibration getCalibration();
}
