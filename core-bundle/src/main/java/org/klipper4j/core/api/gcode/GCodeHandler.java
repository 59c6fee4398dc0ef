/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.gcode;

/** Runs one G-code command. May wait (through the reactor); throws {@link CommandError} on bad input. */
@FunctionalInterface
public interface GCodeHandler {
    void handle(GCodeCommand cmd) throws Exception;
}
