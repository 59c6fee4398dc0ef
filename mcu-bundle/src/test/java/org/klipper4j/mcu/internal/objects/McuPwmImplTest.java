/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.mcu.PinParams;

class McuPwmImplTest {
    private final FakePrinter printer = new FakePrinter();
    private final RecordingMcu mcu = new RecordingMcu("mcu", printer, 16_000_000);

    private McuPwmImpl pwm(String pin, boolean invert, double cycleTime, boolean hardware) {
        var pwm = new McuPwmImpl(mcu, new PinParams("mcu", pin, invert, 0));
        pwm.setupMaxDuration(0);
        pwm.setupCycleTime(cycleTime, hardware);
        return pwm;
    }

    @Test
    void softwarePwmIsADigitalOutWithACycleAndOnTicks() {
        var pwm = pwm("PH5", false, 0.01, false);
        pwm.setupStartValue(0, 0);
        mcu.buildConfig();

        assertEquals(List.of("config_digital_out oid=0 pin=PH5 value=0 default_value=0 max_duration=0",
                "set_digital_out_pwm_cycle oid=0 cycle_ticks=160000"), mcu.configCmds);
        // First update 0.2 s after the (batch mode) print time 0.
        assertEquals(List.of("queue_digital_out oid=0 clock=3200000 on_ticks=0"), mcu.initCmds);

        pwm.setPwm(0.25, 0.5);
        pwm.setPwm(0.35, 1.0);
        var sent = mcu.sentNamed("queue_digital_out");
        assertEquals(List.of(0, 4_000_000L, 80_000L), sent.get(0).params());
        assertEquals(3_200_000L, sent.get(0).minclock());
        assertEquals(4_000_000L, sent.get(0).reqclock());
        assertEquals(List.of(0, 5_600_000L, 160_000L), sent.get(1).params());
        assertEquals(4_000_000L, sent.get(1).minclock());
    }

    @Test
    void softwarePwmStartsFromTheEstimatedPrintTime() {
        mcu.estimatedPrintTime = 10.0;
        var pwm = pwm("PH5", false, 0.01, false);
        pwm.setupStartValue(1, 1);
        mcu.buildConfig();
        assertEquals("config_digital_out oid=0 pin=PH5 value=1 default_value=1 max_duration=0", mcu.configCmds.get(0));
        assertEquals(List.of("queue_digital_out oid=0 clock=163200000 on_ticks=160000"), mcu.initCmds);
    }

    @Test
    void invertedSoftwarePwmSendsTheComplement() {
        var pwm = pwm("PH5", true, 0.01, false);
        mcu.buildConfig();
        assertEquals("config_digital_out oid=0 pin=PH5 value=1 default_value=1 max_duration=0", mcu.configCmds.get(0));
        pwm.setPwm(1.0, 0.25);
        assertEquals(List.of(0, 16_000_000L, 120_000L), mcu.sentNamed("queue_digital_out").get(0).params());
    }

    @Test
    void hardwarePwmScalesToPwmMax() {
        var pwm = pwm("PH6", false, 0.01, true);
        pwm.setupStartValue(0, 0);
        mcu.buildConfig();

        assertEquals(List.of(
                "config_pwm_out oid=0 pin=PH6 cycle_ticks=160000 value=0 default_value=0 max_duration=0"),
                mcu.configCmds);
        assertEquals(List.of("queue_pwm_out oid=0 clock=3200000 value=0"), mcu.restartCmds);
        pwm.setPwm(0.25, 1.0);
        pwm.setPwm(0.5, 0.5);
        pwm.setPwm(0.75, 7.0);
        var sent = mcu.sentNamed("queue_pwm_out");
        assertEquals(List.of(0, 4_000_000L, 255L), sent.get(0).params());
        assertEquals(List.of(0, 8_000_000L, 128L), sent.get(1).params(), "0.5 * 255 rounds to 128");
        assertEquals(List.of(0, 12_000_000L, 255L), sent.get(2).params(), "values are clamped to 1");
        assertEquals(8_000_000L, sent.get(2).minclock());
    }

    @Test
    void hardwarePwmConfigTruncatesButTheQueuedStartValueRounds() {
        var pwm = pwm("PH6", false, 0.01, true);
        pwm.setupStartValue(0.5, 0.5);
        mcu.buildConfig();
        assertEquals(List.of(
                "config_pwm_out oid=0 pin=PH6 cycle_ticks=160000 value=127 default_value=127 max_duration=0"),
                mcu.configCmds);
        assertEquals(List.of("queue_pwm_out oid=0 clock=3200000 value=128"), mcu.restartCmds);
    }

    @Test
    void softwarePwmNeedsAnOnOrOffShutdownValue() {
        var pwm = pwm("PH5", false, 0.01, false);
        pwm.setupStartValue(0.5, 0.5);
        var error = assertThrows(ConfigException.class, mcu::buildConfig);
        assertEquals("shutdown value must be 0.0 or 1.0 on soft pwm", error.getMessage());
    }

    @Test
    void maxDurationNeedsStartEqualToShutdownValue() {
        var pwm = new McuPwmImpl(mcu, new PinParams("mcu", "PH5", false, 0));
        pwm.setupStartValue(1, 0);
        var error = assertThrows(ConfigException.class, mcu::buildConfig);
        assertEquals("Pin with max duration must have start value equal to shutdown value", error.getMessage());
    }

    @Test
    void softwareCycleBeyondTheSchedulingRangeIsRefused() {
        pwm("PH5", false, 200.0, false);
        var error = assertThrows(ConfigException.class, mcu::buildConfig);
        assertEquals("PWM pin cycle time too large", error.getMessage());
    }

    @Test
    void aNewSoftwarePwmValueWaitsForTheNextWholeCycle() {
        var pwm = pwm("PH4", false, 0.02, false);
        mcu.buildConfig();
        // fully off: nothing to keep in step with
        assertEquals(1.0, pwm.nextAlignedPrintTime(1.0, 0.0005), 1e-12);
        pwm.setPwm(1.0, 0.1);
        // cycles of 320000 ticks from clock 16000000: 1.0 + 0.02 * n
        assertEquals(1.06, pwm.nextAlignedPrintTime(1.045, 0.0005), 1e-12);
        assertEquals(1.04, pwm.nextAlignedPrintTime(1.0403, 0.0005), 1e-12,
                "a boundary up to allow_early before the request is taken");
        assertEquals(1.06, pwm.nextAlignedPrintTime(1.0403, 0.), 1e-12);
        pwm.setPwm(2.0, 1.0);
        assertEquals(2.007, pwm.nextAlignedPrintTime(2.007, 0.0005), 1e-12, "fully on: no cycle to keep");
    }

    @Test
    void hardwarePwmIsNeverAligned() {
        var pwm = pwm("PH6", false, 0.01, true);
        mcu.buildConfig();
        pwm.setPwm(0.25, 0.5);
        assertEquals(0.2567, pwm.nextAlignedPrintTime(0.2567, 0.0005), 1e-12);
    }
}
