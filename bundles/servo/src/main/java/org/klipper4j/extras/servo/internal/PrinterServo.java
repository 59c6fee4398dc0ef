/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.servo.internal;

import java.util.Map;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.core.api.mcu.McuPwm;
import org.klipper4j.extras.outputpin.api.GCodeRequestQueue;
import org.klipper4j.extras.outputpin.api.PinSetup;
import org.klipper4j.extras.outputpin.api.RequestOutcome;

/**
 * A hobby servo on a PWM pin ({@code [servo NAME]}): a 20 ms signal whose pulse
 * width, between {@code minimum_pulse_width} and {@code maximum_pulse_width},
 * sets the angle; SET_SERVO changes it in step with the queued moves.
 */
public final class PrinterServo implements StatusProvider {
    static final double SERVO_SIGNAL_PERIOD = 0.020;
    /** How early (seconds) a change may go out to land on a signal period boundary. */
    static final double RESCHEDULE_SLACK = 0.0005;
    static final String HELP = "Set servo angle";

    private final double minWidth;
    private final double maxWidth;
    private final double maxAngle;
    private final double angleToWidth;
    private final McuPwm mcuServo;
    private final GCodeRequestQueue<Double> requests;
    private double lastValue;

    public PrinterServo(ConfigSection config) {
        minWidth = config.getFloat("minimum_pulse_width", .001, Bounds.above(0.).andBelow(SERVO_SIGNAL_PERIOD));
        maxWidth = config.getFloat("maximum_pulse_width", .002,
                Bounds.above(minWidth).andBelow(SERVO_SIGNAL_PERIOD));
        maxAngle = config.getFloat("maximum_servo_angle", 180.);
        angleToWidth = (maxWidth - minWidth) / maxAngle;
        double initialPwm;
        Double initialAngle = config.getFloat("initial_angle", null, Bounds.range(0., 360.));
        if (initialAngle != null) {
            initialPwm = pwmFromAngle(initialAngle);
        } else {
            double initialWidth = config.getFloat("initial_pulse_width", 0., Bounds.range(0., maxWidth));
            initialPwm = pwmFromPulseWidth(initialWidth);
        }
        mcuServo = PinSetup.pwm(config, "pin");
        mcuServo.setupMaxDuration(0.);
        mcuServo.setupCycleTime(SERVO_SIGNAL_PERIOD, false);
        mcuServo.setupStartValue(initialPwm, 0.);
        requests = new GCodeRequestQueue<>(config.getPrinter(), mcuServo.getMcu(), this::setPwm);
        String servoName = config.getName().trim().split("\\s+")[1];
        config.getPrinter().lookupObject("gcode", GCodeDispatch.class)
                .registerMuxCommand("SET_SERVO", "SERVO", servoName, this::cmdSetServo, HELP);
    }

    private RequestOutcome setPwm(double printTime, Double value) {
        if (value == lastValue) {
            return RequestOutcome.discarded();
        }
        // a new pulse width takes effect at the start of a signal period: wait for it
        double aligned = mcuServo.nextAlignedPrintTime(printTime, RESCHEDULE_SLACK);
        if (aligned > printTime + RESCHEDULE_SLACK) {
            return RequestOutcome.rescheduled(aligned);
        }
        lastValue = value;
        mcuServo.setPwm(aligned, value);
        return null;
    }

    /** The PWM duty of an angle, clamped to 0..maximum_servo_angle. */
    double pwmFromAngle(double angle) {
        double clamped = Math.max(0., Math.min(maxAngle, angle));
        double width = minWidth + clamped * angleToWidth;
        return width / SERVO_SIGNAL_PERIOD;
    }

    /** The PWM duty of a pulse width (seconds); 0 turns the signal off, others are clamped. */
    double pwmFromPulseWidth(double width) {
        double w = width;
        if (w != 0.) {
            w = Math.max(minWidth, Math.min(maxWidth, w));
        }
        return w / SERVO_SIGNAL_PERIOD;
    }

    private void cmdSetServo(GCodeCommand gcmd) {
        Double width = gcmd.getFloat("WIDTH", null);
        double value = width != null ? pwmFromPulseWidth(width) : pwmFromAngle(gcmd.getFloat("ANGLE"));
        requests.queueGCodeRequest(value);
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        return Map.of("value", lastValue);
    }
}
