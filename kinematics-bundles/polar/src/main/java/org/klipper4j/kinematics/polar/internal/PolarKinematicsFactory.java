/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.polar.internal;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.motion.Kinematics;
import org.klipper4j.core.api.motion.KinematicsFactory;
import org.klipper4j.core.api.motion.MotionQueuing;
import org.klipper4j.core.api.motion.Toolhead;
import org.osgi.service.component.annotations.Component;

/** Provides {@code kinematics: polar}. */
@Component(service = KinematicsFactory.class, property = KinematicsFactory.KINEMATICS + "=polar")
public final class PolarKinematicsFactory implements KinematicsFactory {
    @Override
    public Kinematics create(Toolhead toolhead, ConfigSection printerConfig) {
        MotionQueuing mq = (MotionQueuing) printerConfig.getPrinter().loadObject(printerConfig, MotionQueuing.NAME);
        return new PolarKinematics(toolhead, printerConfig, mq);
    }
}
