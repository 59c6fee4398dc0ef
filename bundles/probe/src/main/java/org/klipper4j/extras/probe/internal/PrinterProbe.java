/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.probe.internal;

import java.util.Map;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.extras.probe.api.Probe;
import org.klipper4j.extras.probe.api.ProbeEndstop;
import org.klipper4j.extras.probe.api.ProbeParams;
import org.klipper4j.extras.probe.api.ProbeSession;

/**
 * The {@code probe} object (Klipper's PrinterProbe) around a probe endstop: offsets,
 * parameters, sessions, the commands and homing through {@code probe:z_virtual_endstop}.
 * [bltouch] and [smart_effector] build one around their own endstop.
 */
public final class PrinterProbe implements Probe, StatusProvider {
    private final ProbeEndstop endstop;
    private final ProbeCommands commands;
    private final double[] offsets;
    private final ProbeParameters params;
    private final ProbeSessionHelper sessions;

    PrinterProbe(ConfigSection config, ProbeEndstop endstop) {
        this.endstop = endstop;
        this.commands = new ProbeCommands(config, this, endstop::queryEndstop);
        this.offsets = new double[] {config.getFloat("x_offset", 0.), config.getFloat("y_offset", 0.),
            config.getFloat("z_offset")};
        this.params = new ProbeParameters(config);
        HomingViaProbe homing = new HomingViaProbe(config, endstop, params, offsets[2]);
        this.sessions = new ProbeSessionHelper(config.getPrinter(), params, homing::startSession);
    }

    ProbeEndstop getEndstop() {
        return endstop;
    }

    @Override
    public ProbeParams getProbeParams(GCodeCommand gcmd) {
        return params.get(gcmd);
    }

    @Override
    public double[] getOffsets() {
        return offsets.clone();
    }

    @Override
    public ProbeSession startProbeSession(GCodeCommand gcmd) {
        return sessions.start(gcmd);
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        return commands.getStatus(eventtime);
    }
}
