/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.none.internal;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.motion.Kinematics;
import org.klipper4j.core.api.motion.KinematicsFactory;
import org.klipper4j.core.api.motion.Toolhead;
import org.osgi.service.component.annotations.Component;

/** Provides {@code kinematics: none}. */
@Component(service = KinematicsFactory.class, property = KinematicsFactory.KINEMATICS + "=none")
public final class NoneKinematicsFactory implements KinematicsFactory {
    @Override
    public Kinematics create(Toolhead toolhead, ConfigSection printerConfig) {
        return new NoneKinematics();
    }
}
