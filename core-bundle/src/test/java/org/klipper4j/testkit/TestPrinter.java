/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.testkit;

import org.klipper4j.core.api.PrinterEvents;

/** A fake printer with gcode, pins, one MCU and optionally a toolhead: the usual test bench. */
public final class TestPrinter {
    public final FakePrinter printer = new FakePrinter();
    public final FakeGCode gcode = new FakeGCode();
    public final FakePins pins = new FakePins();
    public final FakeMcu mcu = new FakeMcu(printer, "mcu");
    public final FakeToolhead toolhead = new FakeToolhead();

    public TestPrinter(boolean withToolhead) {
        printer.addObject("gcode", gcode);
        printer.addObject("pins", pins);
        printer.addObject("mcu", mcu);
        pins.registerChip("mcu", mcu);
        if (withToolhead) {
            printer.addObject("toolhead", toolhead);
        }
    }

    public FakeConfig config(String section, String... nameValues) {
        return FakeConfig.of(printer, section, nameValues);
    }

    /** Builds the MCU config and sends klippy:connect, as the host does after loading. */
    public void connect() {
        mcu.buildConfig();
        printer.sendEvent(PrinterEvents.CONNECT);
    }
}
