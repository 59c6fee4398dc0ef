/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.toolhead;

import org.klipper4j.core.api.motion.ExtraAxis;
import org.klipper4j.core.api.motion.ToolheadMove;

/** The extruder slot when no extruder is configured: any extrusion is an error. */
final class DummyExtruder implements ExtraAxis {
    @Override
    public String getName() {
        return "";
    }

    @Override
    public double calcJunction(ToolheadMove prevMove, ToolheadMove move, int eIndex) {
        return move.maxCruiseV2();
    }

    @Override
    public void checkMove(ToolheadMove move, int eIndex) {
        throw move.moveError("Extrude when no extruder present");
    }

    @Override
    public void processMove(double printTime, ToolheadMove move, int eIndex) {
        // nothing to move
    }
}
