/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualmcu.internal;

import java.util.HashMap;
import java.util.Map;

import org.klipper4j.extras.virtualmcu.BoardWiring;

/**
 * The physical world around the board: thermal bodies, axes, endstop switches and TMC
 * drivers. It outlives firmware resets (the printer does not move when the MCU reboots).
 * Times are seconds of the board's clock.
 */
public final class Plant {
    private final BoardWiring wiring;
    private final Map<String, ThermalBody> byHeaterPin = new HashMap<>();
    private final Map<String, ThermalBody> bySensorPin = new HashMap<>();
    private final Map<String, Long> axisPositions = new HashMap<>();
    private final Map<String, Double> outputs = new HashMap<>();
    private final Map<String, TmcRegisters> tmcDrivers = new HashMap<>();

    public Plant(BoardWiring wiring) {
        this.wiring = wiring;
        for (BoardWiring.Heater h : wiring.heaters()) {
            ThermalBody body = new ThermalBody(h, wiring.ambient());
            byHeaterPin.put(h.heaterPin(), body);
            bySensorPin.put(h.sensorPin(), body);
        }
        for (BoardWiring.Axis a : wiring.axes()) {
            axisPositions.put(a.stepPin(), a.startPosition());
        }
    }

    /** An output pin's new duty (0..1; plain digital outputs are 0 or 1). */
    public synchronized void setOutput(String pin, double duty, double time) {
        outputs.put(pin, duty);
        ThermalBody body = byHeaterPin.get(pin);
        if (body != null) {
            body.setDuty(duty, time);
        }
    }

    /** The last duty written to a pin (0 if never written). */
    public synchronized double output(String pin) {
        return outputs.getOrDefault(pin, 0.0);
    }

    /** One ADC reading, 0..adcMax; an unwired pin reads as an open thermistor (full scale). */
    public synchronized int readAdc(String pin, double time, int adcMax) {
        ThermalBody body = bySensorPin.get(pin);
        double fraction = body == null ? 1.0 : body.adcFraction(time);
        return (int) Math.max(0, Math.min(adcMax, Math.round(fraction * adcMax)));
    }

    /** A digital input level: an endstop switch, or the pull-up (or 0) if nothing is wired. */
    public synchronized int readDigital(String pin, boolean pullUp) {
        for (BoardWiring.Endstop e : wiring.endstops()) {
            if (e.pin().equals(pin)) {
                long pos = axisPositions.getOrDefault(e.stepPin(), 0L);
                boolean triggered = e.atMinimum() ? pos <= e.triggerPosition() : pos >= e.triggerPosition();
                return triggered == e.triggeredHigh() ? 1 : 0;
            }
        }
        return pullUp ? 1 : 0;
    }

    /** One step on a step pin: +1 or -1 along its axis. */
    public synchronized void step(String stepPin, int delta) {
        axisPositions.merge(stepPin, (long) delta, Long::sum);
    }

    /** Where the axis of a step pin is, in steps. */
    public synchronized long axisPosition(String stepPin) {
        return axisPositions.getOrDefault(stepPin, 0L);
    }

    public synchronized double temperature(String heaterPin, double time) {
        ThermalBody body = byHeaterPin.get(heaterPin);
        if (body == null) {
            throw new IllegalArgumentException("No heater wired to pin " + heaterPin);
        }
        return body.temperature(time);
    }

    /** The TMC driver at a UART address (0..3) on the line of a tx pin, or null for no driver. */
    public synchronized TmcRegisters tmcDriver(String txPin, int address) {
        if (address > 3) {
            return null;
        }
        return tmcDrivers.computeIfAbsent(txPin + "/" + address, k -> new TmcRegisters());
    }
}
