/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.reactor;

/** A one-shot callback run on the reactor. */
@FunctionalInterface
public interface ReactorCallback {
    void run(double eventtime) throws Exception;
}
