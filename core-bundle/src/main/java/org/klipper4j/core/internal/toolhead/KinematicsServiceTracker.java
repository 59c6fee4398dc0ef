/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.toolhead;

import java.util.Map;

import org.klipper4j.core.api.motion.KinematicsFactory;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** Keeps the shared {@link KinematicsRegistry} in step with the KinematicsFactory services. */
@Component(immediate = true)
public final class KinematicsServiceTracker {

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addFactory(KinematicsFactory factory, Map<String, Object> props) {
        Object name = props.get(KinematicsFactory.KINEMATICS);
        if (name != null) {
            KinematicsRegistry.shared().register(name.toString(), factory);
        }
    }

    void removeFactory(KinematicsFactory factory, Map<String, Object> props) {
        Object name = props.get(KinematicsFactory.KINEMATICS);
        if (name != null) {
            KinematicsRegistry.shared().unregister(name.toString(), factory);
        }
    }
}
