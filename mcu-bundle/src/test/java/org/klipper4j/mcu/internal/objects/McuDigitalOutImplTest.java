/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.mcu.PinParams;

class McuDigitalOutImplTest {
    private final FakePrinter printer = new FakePrinter();
    private final RecordingMcu mcu = new RecordingMcu("mcu", printer, 16_000_000);

    @Test
    void configuresWithStartAndShutdownValueAndSchedulesByPrintTime() {
        var out = new McuDigitalOutImpl(mcu, new PinParams("mcu", "PA2", false, 0));
        out.setupMaxDuration(0);
        out.setupStartValue(true, true);
        mcu.buildConfig();

        assertEquals(List.of("config_digital_out oid=0 pin=PA2 value=1 default_value=1 max_duration=0"),
                mcu.configCmds);
        assertEquals(List.of("update_digital_out oid=0 value=1"), mcu.restartCmds);

        out.setDigital(1.0, false);
        out.setDigital(1.5, true);
        var sent = mcu.sentNamed("queue_digital_out");
        assertEquals(List.of(0, 16_000_000L, 0), sent.get(0).params());
        assertEquals(0, sent.get(0).minclock());
        assertEquals(16_000_000L, sent.get(0).reqclock());
        assertEquals(List.of(0, 24_000_000L, 1), sent.get(1).params());
        assertEquals(16_000_000L, sent.get(1).minclock(), "each update waits for the previous one");
        assertEquals(24_000_000L, sent.get(1).reqclock());
    }

    @Test
    void invertedPinDefaultsToOffWithTwoSecondSafetyDuration() {
        var out = new McuDigitalOutImpl(mcu, new PinParams("mcu", "PD7", true, 0));
        mcu.buildConfig();

        assertEquals(List.of("config_digital_out oid=0 pin=PD7 value=1 default_value=1 max_duration=32000000"),
                mcu.configCmds);
        out.setDigital(0.5, true);
        assertEquals(List.of(0, 8_000_000L, 0), mcu.sentNamed("queue_digital_out").get(0).params());
    }

    @Test
    void maxDurationNeedsStartEqualToShutdownValue() {
        var out = new McuDigitalOutImpl(mcu, new PinParams("mcu", "PA2", false, 0));
        out.setupStartValue(true, false);
        var error = assertThrows(ConfigException.class, mcu::buildConfig);
        assertEquals("Pin with max duration must have start value equal to shutdown value", error.getMessage());
    }

    @Test
    void maxDurationBeyondTheSchedulingRangeIsRefused() {
        var out = new McuDigitalOutImpl(mcu, new PinParams("mcu", "PA2", false, 0));
        out.setupMaxDuration(200.0);
        var error = assertThrows(ConfigException.class, mcu::buildConfig);
        assertEquals("Digital pin max duration too large", error.getMessage());
    }
}
