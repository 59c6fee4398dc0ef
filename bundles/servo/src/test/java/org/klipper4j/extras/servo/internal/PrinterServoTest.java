/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.servo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.testkit.FakeConfig;
import org.klipper4j.testkit.FakeGCode;
import org.klipper4j.testkit.FakeMcu;
import org.klipper4j.testkit.FakePins;
import org.klipper4j.testkit.FakePrinter;
import org.klipper4j.testkit.FakePwm;
import org.klipper4j.testkit.FakeToolhead;

class PrinterServoTest {
    private static final double EPS = 1e-12;

    private final FakePrinter printer = new FakePrinter();
    private final FakeMcu mcu = new FakeMcu(printer, "mcu");
    private final FakePins pins = new FakePins(mcu);
    private final FakeGCode gcode = new FakeGCode();
    private final FakeToolhead toolhead = new FakeToolhead();

    PrinterServoTest() {
        printer.addObject("mcu", mcu);
        printer.addObject("pins", pins);
        printer.addObject("gcode", gcode);
        printer.addObject("toolhead", toolhead);
    }

    private PrinterServo servo(String... options) {
        String[] all = new String[options.length + 2];
        all[0] = "pin";
        all[1] = "PA1";
        System.arraycopy(options, 0, all, 2, options.length);
        PrinterServo servo = new PrinterServo(FakeConfig.of(printer, "servo arm", all));
        printer.sendEvent(PrinterEvents.CONNECT);
        return servo;
    }

    private FakePwm pwm() {
        return pins.pwms.values().iterator().next();
    }

    @Test
    void pinRunsAtTwentyMillisecondsWithoutMaxDurationAndStartsAtTheInitialAngle() {
        servo("initial_angle", "90");
        FakePwm pwm = pwm();
        assertEquals(0.020, pwm.cycleTime, EPS);
        assertEquals(0., pwm.maxDuration, EPS);
        // 90 of 180 degrees: 1.5 ms of 20 ms
        assertEquals(0.075, pwm.startValue, EPS);
        assertEquals(0., pwm.shutdownValue, EPS);
    }

    @Test
    void withoutInitialValueTheSignalStartsOff() {
        servo();
        assertEquals(0., pwm().startValue, EPS);
    }

    @Test
    void angleAndWidthAreClampedToTheConfiguredRange() {
        PrinterServo servo = servo("minimum_pulse_width", "0.0005", "maximum_pulse_width", "0.0025",
                "maximum_servo_angle", "270");
        assertEquals(0.0005 / 0.020, servo.pwmFromAngle(-10.), EPS);
        assertEquals(0.0025 / 0.020, servo.pwmFromAngle(400.), EPS);
        assertEquals(0.0015 / 0.020, servo.pwmFromAngle(135.), EPS);
        assertEquals(0.0025 / 0.020, servo.pwmFromPulseWidth(0.01), EPS);
        assertEquals(0.0005 / 0.020, servo.pwmFromPulseWidth(0.0001), EPS);
        // a width of 0 turns the signal off
        assertEquals(0., servo.pwmFromPulseWidth(0.), EPS);
    }

    @Test
    void setServoIsAppliedWhenTheMcuIsFlushedToTheMoveTime() {
        PrinterServo servo = servo();
        gcode.run("SET_SERVO SERVO=arm ANGLE=180");
        assertTrue(pwm().updates.isEmpty());
        mcu.flush(toolhead.printTime + 1.);
        assertEquals(List.of(new FakePwm.Update(toolhead.printTime, 0.1)), pwm().updates);
        assertEquals(Map.of("value", 0.1), servo.getStatus(0.));
        gcode.run("SET_SERVO SERVO=arm WIDTH=0.001");
        mcu.flush(toolhead.printTime + 2.);
        assertEquals(0.05, pwm().updates.get(1).value(), EPS);
    }

    @Test
    void setServoNeedsAnAngleOrAWidth() {
        servo();
        String error = gcode.run("SET_SERVO SERVO=arm");
        assertTrue(error != null && error.contains("ANGLE"), String.valueOf(error));
    }

    @Test
    void maximumPulseWidthMustExceedTheMinimum() {
        assertThrows(ConfigException.class,
                () -> servo("minimum_pulse_width", "0.002", "maximum_pulse_width", "0.001"));
    }

    @Test
    void aChangeWaitsForTheNextSignalPeriodOfTheRunningPulse() {
        servo();
        gcode.run("SET_SERVO SERVO=arm ANGLE=0");
        mcu.flush(toolhead.printTime);
        FakePwm pwm = pwm();
        // the running pulse's periods start at 0.25 + n * 0.02
        pwm.alignment = t -> 0.25 + Math.ceil((t - 0.0005 - 0.25) / 0.02 - 1e-9) * 0.02;
        toolhead.printTime = 0.415;
        gcode.run("SET_SERVO SERVO=arm ANGLE=180");
        mcu.flush(0.42);
        assertEquals(1, pwm.updates.size(), "not sent before the period starts");
        mcu.flush(0.43);
        assertEquals(2, pwm.updates.size());
        assertEquals(0.43, pwm.updates.get(1).printTime(), EPS);
        assertEquals(0.1, pwm.updates.get(1).value(), EPS);
    }

    @Test
    void aChangeWithinHalfAMillisecondOfAPeriodStartGoesOutAtOnce() {
        servo();
        gcode.run("SET_SERVO SERVO=arm ANGLE=0");
        mcu.flush(toolhead.printTime);
        FakePwm pwm = pwm();
        pwm.alignment = t -> 0.25 + Math.ceil((t - 0.0005 - 0.25) / 0.02 - 1e-9) * 0.02;
        toolhead.printTime = 0.4303;
        gcode.run("SET_SERVO SERVO=arm ANGLE=180");
        mcu.flush(0.4303);
        assertEquals(0.43, pwm.updates.get(1).printTime(), EPS, "sent on the period start just before");
    }
}
