/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.probe.api;

import org.klipper4j.core.api.mcu.McuEndstop;
import org.klipper4j.core.api.motion.HomingMoveInfo;

/**
 * The endstop of a probe: an MCU endstop that deploys before a probing move and stows
 * after it, or once around several moves (multi-probe).
 */
public interface ProbeEndstop extends McuEndstop {
    void multiProbeBegin();

    void multiProbeEnd();

    /** Before a homing or probing move that uses this endstop. */
    void probePrepare(HomingMoveInfo move);

    /** After that move. */
    void probeFinish(HomingMoveInfo move);
}
