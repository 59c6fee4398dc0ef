/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.motion;

import java.util.List;

import org.klipper4j.core.api.mcu.McuEndstop;

/**
 * The argument of the {@code homing:homing_move_begin} and {@code homing:homing_move_end}
 * events: which endstops the move watches (a probe deploys itself when it is one).
 */
public interface HomingMoveInfo {
    List<McuEndstop> getMcuEndstops();
}
