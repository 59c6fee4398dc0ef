/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.reactor;

/** A handle of a registered timer. */
public interface ReactorTimer {
    /** The time this timer next runs ({@link Reactor#NEVER} if idle). */
    double waketime();
}
