/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.probe.internal;

import java.util.List;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.mcu.McuEndstop;
import org.klipper4j.core.api.mcu.Pins;
import org.klipper4j.core.api.motion.HomingMoveInfo;
import org.klipper4j.core.api.reactor.Completion;
import org.klipper4j.extras.probe.api.ProbeEndstop;

/**
 * The endstop of [probe] (Klipper's ProbeEndstopWrapper): the MCU endstop of {@code pin},
 * deployed with activate_gcode before each probing move and stowed with deactivate_gcode
 * after it (or once around a multi-probe when {@code deactivate_on_each_sample} is false).
 */
final class ProbeEndstopWrapper implements ProbeEndstop {
    private enum Multi { OFF, FIRST, ON }

    private final McuEndstop mcuEndstop;
    private final double positionEndstop;
    private final boolean stowOnEachSample;
    private final ProbeTemplates templates;
    private Multi multi = Multi.OFF;

    ProbeEndstopWrapper(ConfigSection config) {
        positionEndstop = config.getFloat("z_offset");
        stowOnEachSample = config.getBoolean("deactivate_on_each_sample", true);
        templates = new ProbeTemplates(config);
        Pins pins = config.getPrinter().lookupObject("pins", Pins.class);
        mcuEndstop = (McuEndstop) pins.setupPin("endstop", config.get("pin"));
    }

    @Override
    public void multiProbeBegin() {
        if (!stowOnEachSample) {
            multi = Multi.FIRST;
        }
    }

    @Override
    public void multiProbeEnd() {
        if (!stowOnEachSample) {
            templates.raise();
            multi = Multi.OFF;
        }
    }

    @Override
    public void probePrepare(HomingMoveInfo move) {
        if (multi == Multi.OFF || multi == Multi.FIRST) {
            templates.lower();
            if (multi == Multi.FIRST) {
                multi = Multi.ON;
            }
        }
    }

    @Override
    public void probeFinish(HomingMoveInfo move) {
        if (multi == Multi.OFF) {
            templates.raise();
        }
    }

    @Override
    public Double getPositionEndstop() {
        return positionEndstop;
    }

    @Override
    public Mcu getMcu() {
        return mcuEndstop.getMcu();
    }

    @Override
    public void addStepper(Object stepper) {
        mcuEndstop.addStepper(stepper);
    }

    @Override
    public List<Object> getSteppers() {
        return mcuEndstop.getSteppers();
    }

    @Override
    public Completion<Boolean> homeStart(double printTime, double sampleTime, int sampleCount, double restTime,
            boolean triggered) {
        return mcuEndstop.homeStart(printTime, sampleTime, sampleCount, restTime, triggered);
    }

    @Override
    public double homeWait(double homeEndTime) {
        return mcuEndstop.homeWait(homeEndTime);
    }

    @Override
    public boolean queryEndstop(double printTime) {
        return mcuEndstop.queryEndstop(printTime);
    }
}
