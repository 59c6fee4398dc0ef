/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.motion;

import org.klipper4j.core.api.ConfigSection;

/**
 * A kinematics provider, registered as a service with {@value #KINEMATICS} naming
 * what {@code [printer] kinematics:} selects.
 */
public interface KinematicsFactory {
    /** Service property: the kinematics name (e.g. {@code cartesian}). */
    String KINEMATICS = "klipper.kinematics";

    /** Builds the kinematics from {@code [printer]} and its stepper sections. */
    Kinematics create(Toolhead toolhead, ConfigSection printerConfig);
}
