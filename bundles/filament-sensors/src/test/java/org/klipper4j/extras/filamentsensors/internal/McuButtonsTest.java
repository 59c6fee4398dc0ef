/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.filamentsensors.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.ConfigException;

class McuButtonsTest {

    @Test
    void buttonsOnOneMcuShareOneFirmwareObjectConfiguredAsKlipperDoes() {
        SensorFixture f = new SensorFixture(false);
        PrinterButtons buttons = new PrinterButtons(f.printer);
        buttons.registerButtons(List.of("PD4"), (t, s) -> { });
        buttons.registerButtons(List.of("^!PD5", "PL4"), (t, s) -> { });
        f.mcu.buildConfig();
        // 16 MHz: QUERY_TIME of 2 ms is 32000 ticks; FakeMcu's query slot for oid 0 is 1000
        assertEquals(List.of("config_buttons oid=0 button_count=3",
                "init: buttons_add oid=0 pos=0 pin=PD4 pull_up=0",
                "init: buttons_add oid=0 pos=1 pin=PD5 pull_up=1",
                "init: buttons_add oid=0 pos=2 pin=PL4 pull_up=0",
                "init: buttons_query oid=0 clock=1000 rest_ticks=32000 retransmit_count=50 invert=2"),
                f.mcu.config);
    }

    @Test
    void aNinthButtonStartsASecondFirmwareObject() {
        SensorFixture f = new SensorFixture(false);
        PrinterButtons buttons = new PrinterButtons(f.printer);
        buttons.registerButtons(List.of("PA0", "PA1", "PA2", "PA3", "PA4", "PA5", "PA6", "PA7"), (t, s) -> { });
        buttons.registerButtons(List.of("PB0"), (t, s) -> { });
        f.mcu.buildConfig();
        assertEquals("config_buttons oid=0 button_count=8", f.mcu.config.get(0));
        assertEquals("config_buttons oid=1 button_count=1", f.mcu.config.get(10));
    }

    @Test
    void newStatesAreAcknowledgedAndOnlyChangedGroupsAreCalled() {
        SensorFixture f = new SensorFixture(false);
        PrinterButtons buttons = new PrinterButtons(f.printer);
        List<String> calls = new ArrayList<>();
        buttons.registerButtons(List.of("PD4"), (t, s) -> calls.add("a=" + s));
        buttons.registerButtons(List.of("PD5", "PD6"), (t, s) -> calls.add("b=" + s));
        f.mcu.buildConfig();
        // state bits: PD4 = bit 0, PD5 = bit 1, PD6 = bit 2
        f.report(0, 0, 0b001, 0b101);
        assertEquals(List.of("a=1", "b=2"), calls);
        assertEquals(List.of("buttons_ack oid=0 count=2"), f.mcu.sentText());
        // the MCU resends the second state with one more: only the new one counts
        f.report(0, 1, 0b101, 0b100);
        assertEquals(List.of("a=1", "b=2", "a=0"), calls);
        assertEquals("buttons_ack oid=0 count=1", f.mcu.sentText().get(1));
        // a report of states already acknowledged does nothing
        f.report(0, 3, new int[0]);
        assertEquals(3, calls.size());
        assertEquals(2, f.mcu.sentText().size());
    }

    @Test
    void buttonPinsOnDifferentChipsAreRefused() {
        SensorFixture f = new SensorFixture(false);
        f.printer.lookupObject("pins", org.klipper4j.testkit.FakePins.class)
                .registerChip("other", new org.klipper4j.testkit.FakeMcu(f.printer, "other"));
        PrinterButtons buttons = new PrinterButtons(f.printer);
        ConfigException e = assertThrows(ConfigException.class,
                () -> buttons.registerButtons(List.of("PD4", "other:PD5"), (t, s) -> { }));
        assertEquals("button pins must be on same mcu", e.getMessage());
    }
}
