/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.filamentsensors.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.core.api.template.TemplateEngine;
import org.klipper4j.testkit.FakeConfig;
import org.klipper4j.testkit.FakeGCode;
import org.klipper4j.testkit.FakeMcu;
import org.klipper4j.testkit.FakePins;
import org.klipper4j.testkit.FakePrinter;
import org.klipper4j.testkit.FakeTemplateEngine;

/** A printer with an MCU, pins, G-code, the buttons module and stand-ins for idle_timeout and gcode_macro. */
final class SensorFixture {
    final FakePrinter printer = new FakePrinter();
    final FakeMcu mcu = new FakeMcu(printer, "mcu");
    final FakeGCode gcode = new FakeGCode();
    /** What idle_timeout reports as its state. */
    String idleState = "Idle";

    SensorFixture(boolean withTemplates) {
        printer.addObject("mcu", mcu);
        printer.addObject("pins", new FakePins(mcu));
        printer.addObject("gcode", gcode);
        printer.addModule("buttons", new ButtonsModule());
        printer.addObject("idle_timeout", (StatusProvider) eventtime -> Map.of("state", idleState));
        if (withTemplates) {
            printer.addObject(TemplateEngine.OBJECT_NAME, new FakeTemplateEngine(gcode));
        }
    }

    FakeConfig section(String name, String... options) {
        return FakeConfig.of(printer, name, options);
    }

    /** Runs the MCU config callbacks and sends klippy:ready. */
    void start() {
        mcu.buildConfig();
        printer.sendEvent(PrinterEvents.READY);
    }

    /** Delivers a buttons_state report and runs the callbacks it queues. */
    void report(int oid, int ackCount, int... states) {
        byte[] bytes = new byte[states.length];
        for (int i = 0; i < states.length; i++) {
            bytes[i] = (byte) states[i];
        }
        Map<String, Object> params = new HashMap<>();
        params.put("oid", oid);
        params.put("ack_count", ackCount);
        params.put("state", bytes);
        mcu.deliver("buttons_state", oid, params);
        printer.reactor().runDue();
    }

    List<String> executedLines() {
        return new ArrayList<>(gcode.executed);
    }
}
