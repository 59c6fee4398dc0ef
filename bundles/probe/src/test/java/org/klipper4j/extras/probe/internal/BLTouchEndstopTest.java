/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.probe.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.testkit.FakeConfig;
import org.klipper4j.testkit.FakeGCode;
import org.klipper4j.testkit.FakeMcu;
import org.klipper4j.testkit.FakePins;
import org.klipper4j.testkit.FakePrinter;
import org.klipper4j.testkit.FakePwm;

class BLTouchEndstopTest {
    private final FakePrinter printer = new FakePrinter();
    private final FakeGCode gcode = new FakeGCode();
    private final MovesToolhead toolhead = new MovesToolhead();
    private final FakePins pins = new FakePins();
    private final List<RecordingEndstop> endstops = new ArrayList<>();
    private FakePwm control;

    @BeforeEach
    void setUp() {
        FakeMcu mcu = new FakeMcu(printer, "mcu");
        pins.registerChip("mcu", RecordingEndstop.chipWith(mcu, endstops));
        printer.addObject("gcode", gcode);
        printer.addObject("toolhead", toolhead);
        printer.addObject("pins", pins);
        new BLTouchEndstop(FakeConfig.of(printer, "bltouch", "sensor_pin", "PC7", "control_pin", "PC5",
                "z_offset", "1.15"));
        control = pins.pwms.get("PC5");
    }

    private static String pulses(List<FakePwm.Update> updates) {
        StringBuilder sb = new StringBuilder();
        for (FakePwm.Update u : updates) {
            sb.append(String.format(java.util.Locale.ROOT, "%.4f:%.5f ", u.printTime(), u.value()));
        }
        return sb.toString().trim();
    }

    @Test
    void theControlPinIsA20msServoSignal() {
        assertEquals(0.020, control.cycleTime, 1e-12);
        assertEquals(0., control.maxDuration);
    }

    @Test
    void atConnectThePinGoesUpAndIsCheckedUp() {
        printer.sendEvent(PrinterEvents.CONNECT);
        // pin_up (1.475 ms pulses) from 0.3 s for 0.58 s, then checked not triggered at 0.98 s
        assertEquals("0.3000:0.07375 0.8800:0.00000", pulses(control.updates));
        RecordingEndstop sensor = endstops.get(0);
        assertEquals(1, sensor.checks.size());
        RecordingEndstop.Check check = sensor.checks.get(0);
        assertEquals(0.98, check.printTime(), 1e-9);
        assertEquals(4, check.sampleCount());
        assertEquals(0.001, check.restTime(), 1e-12);
        assertEquals(false, check.triggered());
    }

    @Test
    void debugCommandSendsOnePulseAndWaitsForThePin() {
        toolhead.printTime = 2.0;
        assertEquals(null, gcode.run("BLTOUCH_DEBUG COMMAND=reset"));
        assertEquals("2.0000:0.10950 2.5800:0.00000", pulses(control.updates));
        // the toolhead waits until the pin has moved (pin_move_time 0.68 s)
        assertEquals(2.68, toolhead.printTime, 1e-9);
        assertTrue(gcode.output.contains("// Sending BLTOUCH_DEBUG COMMAND=reset"), gcode.output.toString());
    }

    @Test
    void debugWithoutACommandListsThem() {
        gcode.run("BLTOUCH_DEBUG");
        assertEquals("// BLTouch commands: output_mode_store, pin_down, pin_up, reset, self_test,"
                + " set_5V_output_mode, set_OD_output_mode, touch_mode", gcode.output.get(0));
        assertTrue(control.updates.isEmpty());
    }
}
