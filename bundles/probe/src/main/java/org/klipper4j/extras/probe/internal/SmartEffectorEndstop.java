/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.probe.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.mcu.Pins;
import org.klipper4j.core.api.motion.HomingMoveInfo;
import org.klipper4j.core.api.motion.Toolhead;
import org.klipper4j.core.api.reactor.Completion;
import org.klipper4j.extras.probe.api.ProbeEndstop;

/**
 * The Duet3D SmartEffector (Klipper's SmartEffectorProbe): a probe whose moves may use a
 * lower acceleration and wait a recovery time before probing, and whose sensitivity is
 * programmed through {@code control_pin} (SET_SMART_EFFECTOR, RESET_SMART_EFFECTOR).
 */
final class SmartEffectorEndstop implements ProbeEndstop {
    private final Printer printer;
    private final ProbeEndstopWrapper wrapper;
    private final SmartEffectorControlPin controlPin;
    private double probeAccel;
    private double recoveryTime;
    private double oldMaxAccel;

    SmartEffectorEndstop(ConfigSection config) {
        this.printer = config.getPrinter();
        probeAccel = config.getFloat("probe_accel", 0., Bounds.min(0.));
        recoveryTime = config.getFloat("recovery_time", 0.4, Bounds.min(0.));
        wrapper = new ProbeEndstopWrapper(config);
        GCodeDispatch gcode = printer.lookupObject("gcode", GCodeDispatch.class);
        String pin = config.get("control_pin", null);
        if (pin != null) {
            Pins pins = printer.lookupObject("pins", Pins.class);
            controlPin = new SmartEffectorControlPin(printer, pins.lookupPin(pin, true, false, null));
            gcode.registerCommand("RESET_SMART_EFFECTOR", this::cmdReset, "Reset SmartEffector settings (sensitivity)");
        } else {
            controlPin = null;
        }
        gcode.registerCommand("SET_SMART_EFFECTOR", this::cmdSet, "Set SmartEffector parameters");
    }

    private Toolhead toolhead() {
        return printer.lookupObject("toolhead", Toolhead.class);
    }

    private GCodeDispatch gcode() {
        return printer.lookupObject("gcode", GCodeDispatch.class);
    }

    @Override
    public void probePrepare(HomingMoveInfo move) {
        wrapper.probePrepare(move);
        Toolhead toolhead = toolhead();
        if (probeAccel != 0.) {
            Object accel = toolhead.getStatus(printer.getReactor().monotonic()).get("max_accel");
            oldMaxAccel = ((Number) accel).doubleValue();
            gcode().runScriptFromCommand(String.format(Locale.ROOT, "M204 S%.3f", probeAccel));
        }
        if (recoveryTime != 0.) {
            toolhead.dwell(recoveryTime);
        }
    }

    @Override
    public void probeFinish(HomingMoveInfo move) {
        if (probeAccel != 0.) {
            gcode().runScriptFromCommand(String.format(Locale.ROOT, "M204 S%.3f", oldMaxAccel));
        }
        wrapper.probeFinish(move);
    }

    /** Each byte goes as the bits 0 0 1 0 b7 b6 b5 b4 !b4 b3 b2 b1 b0 !b0. */
    private void sendCommand(int... bytes) {
        List<Boolean> bits = new ArrayList<>();
        for (int v : bytes) {
            int b = v & 0xFF;
            bits.addAll(List.of(false, false, true, false));
            for (int i = 7; i >= 4; i--) {
                bits.add((b & (1 << i)) != 0);
            }
            bits.add((~b & 0x10) != 0);
            for (int i = 3; i >= 0; i--) {
                bits.add((b & (1 << i)) != 0);
            }
            bits.add((~b & 0x01) != 0);
        }
        boolean[] stream = new boolean[bits.size()];
        for (int i = 0; i < stream.length; i++) {
            stream[i] = bits.get(i);
        }
        Toolhead toolhead = toolhead();
        toolhead.waitMoves();
        double startTime = toolhead.getLastMoveTime();
        double endTime = controlPin.writeBits(startTime, stream);
        // nothing else may be queued while the effector is being programmed
        toolhead.dwell(endTime - startTime);
        toolhead.waitMoves();
    }

    private void cmdSet(GCodeCommand gcmd) {
        Integer sensitivity = gcmd.getInt("SENSITIVITY", null, 0, 255);
        List<String> info = new ArrayList<>();
        if (sensitivity != null) {
            if (controlPin == null) {
                throw gcmd.error("control_pin must be set in [smart_effector] for sensitivity programming");
            }
            sendCommand(105, sensitivity, 255 - sensitivity);
            info.add("sensitivity: " + sensitivity);
        }
        probeAccel = gcmd.getFloat("ACCEL", probeAccel, Bounds.min(0.));
        recoveryTime = gcmd.getFloat("RECOVERY_TIME", recoveryTime, Bounds.min(0.));
        info.add(probeAccel != 0. ? String.format(Locale.ROOT, "probing accelartion: %.3f", probeAccel)
                : "probing acceleration control disabled");
        info.add(recoveryTime != 0. ? String.format(Locale.ROOT, "probe recovery time: %.3f", recoveryTime)
                : "probe recovery time disabled");
        gcmd.respondInfo("SmartEffector:\n" + String.join("\n", info));
    }

    private void cmdReset(GCodeCommand gcmd) {
        sendCommand(131, 131);
        gcmd.respondInfo("SmartEffector sensitivity was reset");
    }

    @Override
    public void multiProbeBegin() {
        wrapper.multiProbeBegin();
    }

    @Override
    public void multiProbeEnd() {
        wrapper.multiProbeEnd();
    }

    @Override
    public Double getPositionEndstop() {
        return wrapper.getPositionEndstop();
    }

    @Override
    public Mcu getMcu() {
        return wrapper.getMcu();
    }

    @Override
    public void addStepper(Object stepper) {
        wrapper.addStepper(stepper);
    }

    @Override
    public List<Object> getSteppers() {
        return wrapper.getSteppers();
    }

    @Override
    public Completion<Boolean> homeStart(double printTime, double sampleTime, int sampleCount, double restTime,
            boolean triggered) {
        return wrapper.homeStart(printTime, sampleTime, sampleCount, restTime, triggered);
    }

    @Override
    public double homeWait(double homeEndTime) {
        return wrapper.homeWait(homeEndTime);
    }

    @Override
    public boolean queryEndstop(double printTime) {
        return wrapper.queryEndstop(printTime);
    }
}
