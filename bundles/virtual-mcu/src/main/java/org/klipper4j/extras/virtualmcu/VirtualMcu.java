/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualmcu;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.klipper4j.core.api.mcu.McuLink;
import org.klipper4j.extras.virtualmcu.internal.BoardRunner;
import org.klipper4j.extras.virtualmcu.internal.Firmware;
import org.klipper4j.extras.virtualmcu.internal.FirmwareDictionary;
import org.klipper4j.extras.virtualmcu.internal.Plant;
import org.klipper4j.extras.virtualmcu.internal.PipeLink;
import org.klipper4j.extras.virtualmcu.internal.PtyBridge;

/**
 * A simulated board running in real time, speaking Klipper's MCU protocol over an
 * in-process serial line. It keeps running (and keeps its state) when the host
 * disconnects, as a real board does; {@code reset} reboots its firmware.
 */
public final class VirtualMcu implements Closeable {
    /** A timer this late (1 s) shuts the board down: the JVM stalled, as a real MCU would not. */
    private static final long LATE_TIMER_LIMIT = FirmwareDictionary.CLOCK_FREQ;
    private static final FirmwareDictionary DICTIONARY = new FirmwareDictionary();

    private final String name;
    private final Plant plant;
    private final BoardRunner runner;
    private volatile PipeLink link;
    private volatile PtyBridge pty;
    private final List<String> commandLog = new CopyOnWriteArrayList<>();

    public VirtualMcu(String name, BoardWiring wiring) {
        this.name = name;
        this.plant = new Plant(wiring);
        this.runner = new BoardRunner(name,
                (now, reset) -> {
                    Firmware fw = new Firmware(DICTIONARY, plant, this::toHost, now, LATE_TIMER_LIMIT, reset);
                    fw.setCommandListener(commandLog::add);
                    return fw;
                });
    }

    private void toHost(byte[] block) {
        PipeLink l = link;
        if (l != null) {
            l.deliver(block);
        }
        PtyBridge p = pty;
        if (p != null) {
            p.deliver(block);
        }
    }

    /**
     * Serves the board on a pseudo-terminal (raw mode) as well, for hosts that open a
     * device path; {@code symlink} (may be null) is made to point at it, as Klipper's
     * Linux MCU does with /tmp/klipper_host_mcu. Returns the device path.
     */
    public synchronized String openPty(Path symlink) throws IOException {
        if (pty != null) {
            return pty.deviceName();
        }
        pty = PtyBridge.open(name, symlink, runner::receive);
        return pty.deviceName();
    }

    /** Connects the host; an earlier link is closed, as when a serial port is reopened. */
    public synchronized McuLink openLink() {
        PipeLink old = link;
        if (old != null) {
            old.close();
        }
        PipeLink l = new PipeLink(runner::receive, this::detach);
        link = l;
        return l;
    }

    private synchronized void detach(PipeLink l) {
        if (link == l) {
            link = null;
        }
    }

    public String name() {
        return name;
    }

    /** The data dictionary the board serves (JSON). */
    public static String dictionaryJson() {
        return DICTIONARY.json();
    }

    /**
     * Every command the firmware received since the board was made (across resets), in
     * order, as text ("queue_digital_out oid=3 clock=1234 on_ticks=1").
     */
    public List<String> commandLog() {
        return List.copyOf(commandLog);
    }

    public boolean isShutdown() {
        return runner.inspect(Firmware::isShutdown);
    }

    /** Why the firmware shut down (its static string), or null while running. */
    public String shutdownReason() {
        return runner.inspect(Firmware::shutdownReason);
    }

    /** Steps taken by the stepper configured on this step pin. */
    public long stepCount(String stepPin) {
        return runner.inspect(fw -> fw.stepCount(stepPin));
    }

    /** Position of the axis moved by this step pin, in steps (survives firmware resets). */
    public long axisPosition(String stepPin) {
        return plant.axisPosition(stepPin);
    }

    /** Current temperature of the body heated by this pin. */
    public double temperature(String heaterPin) {
        return runner.inspect(fw -> plant.temperature(heaterPin, fw.seconds(fw.now())));
    }

    /** The simulated TMC driver at a UART address on a tx pin's line (tests flip its bits). */
    public org.klipper4j.extras.virtualmcu.internal.TmcRegisters tmcDriver(String txPin, int address) {
        return plant.tmcDriver(txPin, address);
    }

    /** Breaks the thermistor read on {@code sensorPin}: it reads as an open ({@code open}) or shorted circuit. */
    public void breakSensor(String sensorPin, boolean open) {
        plant.breakSensor(sensorPin, open);
    }

    /** Burns out the heater element on {@code heaterPin}: the pin still switches but nothing heats. */
    public void killHeater(String heaterPin) {
        runner.inspect(fw -> {
            plant.killHeater(heaterPin, fw.seconds(fw.now()));
            return null;
        });
    }

    /** Last duty (0..1) written to an output pin. */
    public double output(String pin) {
        return plant.output(pin);
    }

    @Override
    public void close() {
        PipeLink l = link;
        if (l != null) {
            l.close();
        }
        PtyBridge p = pty;
        if (p != null) {
            try {
                p.close();
            } catch (IOException e) {
                // the board is going away; a symlink left behind is harmless
            }
        }
        runner.close();
    }
}
