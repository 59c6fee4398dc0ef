/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.probe.internal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.mcu.McuEndstop;
import org.klipper4j.core.api.mcu.McuPwm;
import org.klipper4j.core.api.mcu.Pins;
import org.klipper4j.core.api.motion.HomingMoveInfo;
import org.klipper4j.core.api.motion.Toolhead;
import org.klipper4j.core.api.reactor.Completion;
import org.klipper4j.core.api.reactor.Reactor;
import org.klipper4j.extras.probe.api.ProbeEndstop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The BLTouch (Klipper's BLTouchProbe): servo-style pulses on {@code control_pin} move the
 * pin (pin_down, pin_up, touch_mode, reset, ...), the sensor pin is the endstop. Each pulse
 * is held for at least five 20 ms signal periods; the pin is checked up after raising and
 * the sensor tested (pin up in touch mode reads triggered) at most every five minutes.
 */
final class BLTouchEndstop implements ProbeEndstop {
    private static final Logger LOG = LoggerFactory.getLogger(BLTouchEndstop.class);
    static final double SIGNAL_PERIOD = 0.020;
    static final double MIN_CMD_TIME = 5 * SIGNAL_PERIOD;
    static final double TEST_TIME = 5 * 60.;
    static final double RETRY_RESET_TIME = 1.;
    static final double ENDSTOP_REST_TIME = .001;
    static final double ENDSTOP_SAMPLE_TIME = .000015;
    static final int ENDSTOP_SAMPLE_COUNT = 4;
    /** Pulse widths (seconds) of the BLTouch commands. */
    static final Map<String, Double> COMMANDS = new TreeMap<>(Map.of("pin_down", 0.000650, "touch_mode", 0.001165,
            "pin_up", 0.001475, "self_test", 0.001780, "reset", 0.002190, "set_5V_output_mode", 0.001988,
            "set_OD_output_mode", 0.002091, "output_mode_store", 0.001884));

    private enum Multi { OFF, FIRST, ON }

    private final Printer printer;
    private final McuPwm mcuPwm;
    private final McuEndstop mcuEndstop;
    private final double positionEndstop;
    private final boolean stowOnEachSample;
    private final boolean probeTouchMode;
    private final String outputMode;
    private final boolean pinUpNotTriggered;
    private final boolean pinUpTouchTriggered;
    private final double pinMoveTime;
    private double nextCmdTime;
    private double actionEndTime;
    private double nextTestTime;
    private Completion<Boolean> finishHome;
    private Completion<Boolean> waitTrigger;
    private Multi multi = Multi.OFF;

    BLTouchEndstop(ConfigSection config) {
        this.printer = config.getPrinter();
        positionEndstop = config.getFloat("z_offset");
        stowOnEachSample = config.getBoolean("stow_on_each_sample", true);
        probeTouchMode = config.getBoolean("probe_with_touch_mode", false);
        Pins pins = printer.lookupObject("pins", Pins.class);
        mcuPwm = (McuPwm) pins.setupPin("pwm", config.get("control_pin"));
        mcuPwm.setupMaxDuration(0.);
        mcuPwm.setupCycleTime(SIGNAL_PERIOD, false);
        mcuEndstop = (McuEndstop) pins.setupPin("endstop", config.get("sensor_pin"));
        Map<String, String> modes = new TreeMap<>(Map.of("5V", "5V", "OD", "OD"));
        outputMode = config.hasOption("set_output_mode") ? config.getChoice("set_output_mode", modes, null) : null;
        pinUpNotTriggered = config.getBoolean("pin_up_reports_not_triggered", true);
        pinUpTouchTriggered = config.getBoolean("pin_up_touch_mode_reports_triggered", true);
        pinMoveTime = config.getFloat("pin_move_time", 0.680, Bounds.above(0.));
        GCodeDispatch gcode = printer.lookupObject("gcode", GCodeDispatch.class);
        gcode.registerCommand("BLTOUCH_DEBUG", this::cmdBltouchDebug, "Send a command to the bltouch for debugging");
        gcode.registerCommand("BLTOUCH_STORE", this::cmdBltouchStore, "Store an output mode in the BLTouch EEPROM");
        printer.registerEventHandler(PrinterEvents.CONNECT, a -> handleConnect());
    }

    private void handleConnect() {
        syncMcuPrintTime();
        nextCmdTime += 0.200;
        setOutputMode(outputMode);
        try {
            raiseProbe();
            verifyRaiseProbe();
        } catch (CommandError e) {
            LOG.warn("BLTouch raise probe error: {}", e.getMessage());
        }
    }

    private Toolhead toolhead() {
        return printer.lookupObject("toolhead", Toolhead.class);
    }

    private void syncMcuPrintTime() {
        double estTime = mcuPwm.getMcu().estimatedPrintTime(printer.getReactor().monotonic());
        nextCmdTime = Math.max(nextCmdTime, estTime + MIN_CMD_TIME);
    }

    private void syncPrintTime() {
        Toolhead toolhead = toolhead();
        double printTime = toolhead.getLastMoveTime();
        if (nextCmdTime > printTime) {
            toolhead.dwell(nextCmdTime - printTime);
        } else {
            nextCmdTime = printTime;
        }
    }

    private void sendCmd(String cmd) {
        sendCmd(cmd, MIN_CMD_TIME);
    }

    /** A pulse for {@code cmd} at nextCmdTime, then the signal off; the action takes {@code duration}. */
    private void sendCmd(String cmd, double duration) {
        // in ticks, so a second MCU's clock skew cannot shorten the pulse
        Mcu mcu = mcuPwm.getMcu();
        long cmdClock = mcu.printTimeToClock(nextCmdTime);
        double pulse = (int) ((duration - MIN_CMD_TIME) / SIGNAL_PERIOD) * SIGNAL_PERIOD;
        cmdClock += mcu.secondsToClock(Math.max(MIN_CMD_TIME, pulse));
        double endTime = mcu.clockToPrintTime(cmdClock);
        mcuPwm.setPwm(nextCmdTime, COMMANDS.get(cmd) / SIGNAL_PERIOD);
        mcuPwm.setPwm(endTime, 0.);
        actionEndTime = nextCmdTime + duration;
        nextCmdTime = Math.max(actionEndTime, endTime + MIN_CMD_TIME);
    }

    private boolean verifyState(boolean triggered) {
        mcuEndstop.homeStart(actionEndTime, ENDSTOP_SAMPLE_TIME, ENDSTOP_SAMPLE_COUNT, ENDSTOP_REST_TIME, triggered);
        try {
            return mcuEndstop.homeWait(actionEndTime + 0.100) > 0.;
        } catch (CommandError e) {
            return false;
        }
    }

    private void raiseProbe() {
        syncMcuPrintTime();
        if (!pinUpNotTriggered) {
            sendCmd("reset");
        }
        sendCmd("pin_up", pinMoveTime);
    }

    private void verifyRaiseProbe() {
        if (!pinUpNotTriggered) {
            return; // no way to check the pin went up
        }
        for (int retry = 0; retry < 3; retry++) {
            if (verifyState(false)) {
                break;
            }
            if (retry >= 2) {
                throw new CommandError("BLTouch failed to raise probe");
            }
            gcode().respondInfo("Failed to verify BLTouch probe is raised; retrying.");
            syncMcuPrintTime();
            sendCmd("reset", RETRY_RESET_TIME);
            sendCmd("pin_up", pinMoveTime);
        }
    }

    private GCodeDispatch gcode() {
        return printer.lookupObject("gcode", GCodeDispatch.class);
    }

    private void lowerProbe() {
        testSensor();
        syncPrintTime();
        sendCmd("pin_down", pinMoveTime);
        if (probeTouchMode) {
            sendCmd("touch_mode");
        }
    }

    private void testSensor() {
        if (!pinUpTouchTriggered) {
            return;
        }
        double printTime = toolhead().getLastMoveTime();
        if (printTime < nextTestTime) {
            nextTestTime = printTime + TEST_TIME;
            return;
        }
        syncPrintTime();
        for (int retry = 0; retry < 3; retry++) {
            sendCmd("pin_up", pinMoveTime);
            sendCmd("touch_mode");
            boolean success = verifyState(true);
            syncPrintTime();
            if (success) {
                nextTestTime = printTime + TEST_TIME;
                return;
            }
            String msg = "BLTouch failed to verify sensor state";
            if (retry >= 2) {
                throw new CommandError(msg);
            }
            gcode().respondInfo(msg + "; retrying.");
            sendCmd("reset", RETRY_RESET_TIME);
        }
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
            syncPrintTime();
            raiseProbe();
            verifyRaiseProbe();
            syncPrintTime();
            multi = Multi.OFF;
        }
    }

    @Override
    public void probePrepare(HomingMoveInfo move) {
        if (multi == Multi.OFF || multi == Multi.FIRST) {
            lowerProbe();
            if (multi == Multi.FIRST) {
                multi = Multi.ON;
            }
        }
        syncPrintTime();
    }

    @Override
    public void probeFinish(HomingMoveInfo move) {
        if (waitTrigger != null) {
            waitTrigger.await();
        }
        if (multi == Multi.OFF) {
            verifyRaiseProbe();
        }
        syncPrintTime();
    }

    @Override
    public Completion<Boolean> homeStart(double printTime, double sampleTime, int sampleCount, double restTime,
            boolean triggered) {
        finishHome = mcuEndstop.homeStart(printTime, sampleTime, sampleCount, Math.min(restTime, ENDSTOP_REST_TIME),
                triggered);
        // raise the pin as soon as the probe triggers, while the move still stops
        Reactor reactor = printer.getReactor();
        Completion<Boolean> done = reactor.completion();
        waitTrigger = done;
        Completion<Boolean> home = finishHome;
        reactor.registerCallback(e -> {
            try {
                home.await();
                if (multi == Multi.OFF) {
                    raiseProbe();
                }
            } finally {
                done.complete(Boolean.TRUE);
            }
        }, Reactor.NOW);
        return finishHome;
    }

    @Override
    public double homeWait(double homeEndTime) {
        return mcuEndstop.homeWait(homeEndTime);
    }

    @Override
    public boolean queryEndstop(double printTime) {
        return mcuEndstop.queryEndstop(printTime);
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

    private void setOutputMode(String mode) {
        if (mode == null) {
            return;
        }
        LOG.info("BLTouch set output mode: {}", mode);
        syncMcuPrintTime();
        sendCmd(mode.equals("5V") ? "set_5V_output_mode" : "set_OD_output_mode");
    }

    private void storeOutputMode(String mode) {
        LOG.info("BLTouch store output mode: {}", mode);
        syncPrintTime();
        String set = mode.equals("5V") ? "set_5V_output_mode" : "set_OD_output_mode";
        sendCmd("pin_down");
        sendCmd(set);
        sendCmd("output_mode_store");
        sendCmd(set);
        sendCmd("pin_up");
    }

    private void cmdBltouchDebug(GCodeCommand gcmd) {
        String cmd = gcmd.get("COMMAND", null);
        if (cmd == null || !COMMANDS.containsKey(cmd)) {
            gcmd.respondInfo("BLTouch commands: " + String.join(", ", COMMANDS.keySet()));
            return;
        }
        gcmd.respondInfo("Sending BLTOUCH_DEBUG COMMAND=" + cmd);
        syncPrintTime();
        sendCmd(cmd, pinMoveTime);
        syncPrintTime();
    }

    private void cmdBltouchStore(GCodeCommand gcmd) {
        String mode = gcmd.get("MODE", null);
        if (mode == null || !(mode.equals("5V") || mode.equals("OD"))) {
            gcmd.respondInfo("BLTouch output modes: 5V, OD");
            return;
        }
        gcmd.respondInfo("Storing BLTouch output mode: " + mode);
        syncPrintTime();
        storeOutputMode(mode);
        syncPrintTime();
    }
}
