/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.toolhead;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.klipper4j.core.api.motion.KinematicsFactory;

/**
 * The kinematics factories a printer is built with, by name. The host makes one
 * per printer from the {@link KinematicsFactory} services present (a snapshot,
 * like the module services); tests make their own.
 */
public final class KinematicsRegistry {
    private final Map<String, KinematicsFactory> factories = new ConcurrentHashMap<>();

    public void register(String name, KinematicsFactory factory) {
        factories.put(name, factory);
    }

    public void unregister(String name, KinematicsFactory factory) {
        factories.remove(name, factory);
    }

    public Optional<KinematicsFactory> find(String name) {
        return Optional.ofNullable(factories.get(name));
    }

    /** The bundle that would provide kinematics {@code name}. */
    public static String bundleFor(String name) {
        return "kinematics-" + name.replace('_', '-');
    }
}
