/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.hybridcorexz.internal;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.motion.MotionQueuing;
import org.klipper4j.core.api.motion.Toolhead;
import org.klipper4j.core.api.motion.idex.HybridCoreRailKinematics;

/**
 * {@code kinematics: hybrid_corexz} (Markforged style): the single {@code [stepper_x]} drives
 * x-z on a belt carried by z; an optional {@code [dual_carriage]} drives x+z.
 */
public final class HybridCoreXZKinematics extends HybridCoreRailKinematics {

    public HybridCoreXZKinematics(Toolhead toolhead, ConfigSection config, MotionQueuing motionQueuing) {
        super(toolhead, config, motionQueuing, 2);
    }
}
