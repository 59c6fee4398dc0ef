/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.filamentsensors.internal;

import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.motion.MotionQueuing;
import org.klipper4j.core.api.motion.Stepper;
import org.klipper4j.core.api.reactor.Reactor;
import org.klipper4j.core.api.reactor.ReactorTimer;

/**
 * {@code [filament_motion_sensor NAME]} (Klipper's EncoderSensor): each pulse of
 * the encoder pin means filament moved, which pushes the runout point to the
 * extruder's position plus {@code detection_length}; while printing, the
 * extruder passing that point means runout.
 */
public final class MotionSensor implements StatusProvider {
    static final double CHECK_RUNOUT_TIMEOUT = .250;

    private final Printer printer;
    private final Reactor reactor;
    private final String extruderName;
    private final double detectionLength;
    private final RunoutHelper runoutHelper;
    private Stepper extruderStepper;
    private boolean ready;
    private double filamentRunoutPos;
    private ReactorTimer updateTimer;

    public MotionSensor(ConfigSection config) {
        printer = config.getPrinter();
        reactor = printer.getReactor();
        String switchPin = config.get("switch_pin");
        extruderName = config.get("extruder");
        detectionLength = config.getFloat("detection_length", 7., Bounds.above(0.));
        PrinterButtons buttons = (PrinterButtons) printer.loadObject(config, PrinterButtons.NAME);
        buttons.registerButtons(List.of(switchPin), this::encoderEvent);
        runoutHelper = new RunoutHelper(config);
        printer.registerEventHandler(PrinterEvents.READY, args -> handleReady());
        printer.registerEventHandler("idle_timeout:printing", args -> setChecking(true));
        printer.registerEventHandler("idle_timeout:ready", args -> setChecking(false));
        printer.registerEventHandler("idle_timeout:idle", args -> setChecking(false));
    }

    private void handleReady() {
        printer.lookupObject(extruderName);
        extruderStepper = printer.findObject(MotionQueuing.NAME, MotionQueuing.class)
                .flatMap(mq -> mq.getSteppers().stream().filter(s -> s.getName().equals(extruderName)).findFirst())
                .orElse(null);
        ready = true;
        updateFilamentRunoutPos(reactor.monotonic());
        updateTimer = reactor.registerTimer(this::checkRunout, Reactor.NEVER);
    }

    private void setChecking(boolean printing) {
        if (updateTimer != null) {
            reactor.updateTimer(updateTimer, printing ? Reactor.NOW : Reactor.NEVER);
        }
    }

    /** Where the extruder was at the print time the MCU had reached at {@code eventtime}. */
    double extruderPosition(double eventtime) {
        if (extruderStepper == null) {
            return 0.;
        }
        Mcu mcu = printer.lookupObject("mcu", Mcu.class);
        double printTime = mcu.estimatedPrintTime(eventtime);
        return extruderStepper.mcuToCommandedPosition(extruderStepper.getPastMcuPosition(printTime));
    }

    private void updateFilamentRunoutPos(double eventtime) {
        filamentRunoutPos = extruderPosition(eventtime) + detectionLength;
    }

    private double checkRunout(double eventtime) {
        double extruderPos = extruderPosition(eventtime);
        runoutHelper.noteFilamentPresent(eventtime, extruderPos < filamentRunoutPos);
        return eventtime + CHECK_RUNOUT_TIMEOUT;
    }

    private void encoderEvent(double eventtime, int state) {
        if (ready) {
            updateFilamentRunoutPos(eventtime);
            // an encoder pulse always means filament is there
            runoutHelper.noteFilamentPresent(eventtime, true);
        }
    }

    double getFilamentRunoutPos() {
        return filamentRunoutPos;
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        return runoutHelper.getStatus(eventtime);
    }
}
