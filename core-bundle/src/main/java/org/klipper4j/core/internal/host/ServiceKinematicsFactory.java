/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.host;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.motion.Kinematics;
import org.klipper4j.core.api.motion.KinematicsFactory;
import org.klipper4j.core.api.motion.Toolhead;

/** A kinematics service that is activated only when [printer] selects it. */
final class ServiceKinematicsFactory implements KinematicsFactory {
    private final String name;
    private final LazyService<KinematicsFactory> service;

    ServiceKinematicsFactory(String name, LazyService<KinematicsFactory> service) {
        this.name = name;
        this.service = service;
    }

    @Override
    public Kinematics create(Toolhead toolhead, ConfigSection printerConfig) {
        KinematicsFactory factory = service.get();
        if (factory == null) {
            throw new ConfigException("Unable to load kinematics '" + name + "': the service of "
                    + service.origin() + " could not be started");
        }
        return factory.create(toolhead, printerConfig);
    }
}
