/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.hybridcorexy.internal;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.motion.MotionQueuing;
import org.klipper4j.core.api.motion.Toolhead;
import org.klipper4j.core.api.motion.idex.HybridCoreRailKinematics;

/**
 * {@code kinematics: hybrid_corexy} (Markforged style): the single {@code [stepper_x]} drives
 * x-y on a belt carried by y; an optional {@code [dual_carriage]} drives x+y.
 */
public final class HybridCoreXYKinematics extends HybridCoreRailKinematics {

    public HybridCoreXYKinematics(Toolhead toolhead, ConfigSection config, MotionQueuing motionQueuing) {
        super(toolhead, config, motionQueuing, 1);
    }
}
