/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.deltesian.internal;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.motion.Kinematics;
import org.klipper4j.core.api.motion.KinematicsFactory;
import org.klipper4j.core.api.motion.MotionQueuing;
import org.klipper4j.core.api.motion.Toolhead;
import org.osgi.service.component.annotations.Component;

/** Provides {@code kinematics: deltesian}. */
@Component(service = KinematicsFactory.class, property = KinematicsFactory.KINEMATICS + "=deltesian")
public final class DeltesianKinematicsFactory implements KinematicsFactory {
    @Override
    public Kinematics create(Toolhead toolhead, ConfigSection printerConfig) {
        MotionQueuing mq = (MotionQueuing) printerConfig.getPrinter().loadObject(printerConfig, MotionQueuing.NAME);
        return new DeltesianKinematics(toolhead, printerConfig, mq);
    }
}
