/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.filamentsensors.internal;

/** Told the new state of a group of buttons (one bit per pin, in registration order). */
@FunctionalInterface
public interface ButtonCallback {
    void onChange(double eventtime, int state);
}
