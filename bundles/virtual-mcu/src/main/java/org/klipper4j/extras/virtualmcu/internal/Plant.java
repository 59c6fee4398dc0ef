/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualmcu.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

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
    /** Sensor pins whose thermistor broke: the ADC fraction they read now (1 open, 0 shorted). */
    private final Map<String, Double> brokenSensors = new HashMap<>();
    /** Heater pins whose element burnt out: the pin still switches, nothing heats. */
    private final Set<String> deadHeaters = new HashSet<>();

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
            body.setDuty(deadHeaters.contains(pin) ? 0.0 : duty, time);
        }
    }

    /** The thermistor on {@code sensorPin} breaks: it reads open (full scale) or shorted (0). */
    public synchronized void breakSensor(String sensorPin, boolean open) {
        brokenSensors.put(sensorPin, open ? 1.0 : 0.0);
    }

    /** The element on {@code heaterPin} burns out at {@code time}: from now on it gives no heat. */
    public synchronized void killHeater(String heaterPin, double time) {
        ThermalBody body = byHeaterPin.get(heaterPin);
        if (body == null) {
            throw new IllegalArgumentException("No heater wired to pin " + heaterPin);
        }
        deadHeaters.add(heaterPin);
        body.setDuty(0.0, time);
    }

    /** The last duty written to a pin (0 if never written). */
    public synchronized double output(String pin) {
        return outputs.getOrDefault(pin, 0.0);
    }

    /** One ADC reading, 0..adcMax; an unwired pin reads as an open thermistor (full scale). */
    public synchronized int readAdc(String pin, double time, int adcMax) {
        ThermalBody body = bySensorPin.get(pin);
        Double broken = brokenSensors.get(pin);
        double fraction = broken != null ? broken : body == null ? 1.0 : body.adcFraction(time);
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
