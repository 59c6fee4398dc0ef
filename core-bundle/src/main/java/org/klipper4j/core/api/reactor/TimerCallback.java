/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.reactor;

/** A timer body: runs at its wake time and returns the next wake time ({@link Reactor#NEVER} to stop). */
@FunctionalInterface
public interface TimerCallback {
    double run(double eventtime) throws Exception;
}
