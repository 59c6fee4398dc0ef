/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api;

/** A handler for a printer event such as {@code klippy:connect}. */
@FunctionalInterface
public interface EventHandler {
    void handle(Object... args) throws Exception;
}
