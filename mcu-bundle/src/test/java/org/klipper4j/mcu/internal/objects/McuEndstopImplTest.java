/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.mcu.PinParams;

class McuEndstopImplTest {
    // Exactly representable times so the clocks below are exact: 2^-16 s and 2^-12 s.
    private static final double SAMPLE_TIME = 0.0000152587890625;
    private static final double REST_TIME = 0.000244140625;

    private final FakePrinter printer = new FakePrinter();
    private final RecordingMcu mcu = new RecordingMcu("mcu", printer, 16_000_000);

    /** Endstop oid 0 with its trsync oid 1, stopping stepper_x (oid 2). */
    private McuEndstopImpl endstopWithStepper(FakeStepper[] stepperOut) {
        var endstop = new McuEndstopImpl(mcu, new PinParams("mcu", "PE5", false, 1));
        var stepper = new FakeStepper(mcu, "stepper_x");
        endstop.addStepper(stepper);
        stepperOut[0] = stepper;
        mcu.buildConfig();
        return endstop;
    }

    private static Map<String, Object> state(int canTrigger, int reason, long clock) {
        return Map.of("can_trigger", canTrigger, "trigger_reason", reason, "clock", clock);
    }

    @Test
    void configuresTheEndstopAndItsTrsync() {
        endstopWithStepper(new FakeStepper[1]);
        assertEquals(List.of("config_endstop oid=0 pin=PE5 pull_up=1", "config_trsync oid=1"), mcu.configCmds);
        assertEquals(List.of(
                "endstop_home oid=0 clock=0 sample_ticks=0 sample_count=0 rest_ticks=0 pin_value=0 trsync_oid=0"
                        + " trigger_reason=0",
                "trsync_start oid=1 report_clock=0 report_ticks=0 expire_reason=0"), mcu.restartCmds);
    }

    @Test
    void homingOnOneMcuInBatchMode() {
        mcu.fileoutput = true;
        var stepper = new FakeStepper[1];
        var endstop = endstopWithStepper(stepper);

        var completion = endstop.homeStart(0.25, SAMPLE_TIME, 4, REST_TIME, true);
        double triggerTime = endstop.homeWait(1.0);

        var names = mcu.sent.stream().map(RecordingMcu.Sent::name).toList();
        assertEquals(List.of("trsync_start", "stepper_stop_on_trigger", "trsync_set_timeout", "endstop_home",
                "endstop_home"), names);
        // One MCU: 0.25 s timeout (4000000 ticks), reports every 0.3 of it (1200000 ticks).
        var start = mcu.sent.get(0);
        assertEquals(List.of(1, 4_000_000L, 1_200_000L, 4), start.params());
        assertEquals(4_000_000L, start.reqclock());
        assertEquals(List.of(2, 1), mcu.sent.get(1).params());
        assertEquals(List.of(1, 8_000_000L), mcu.sent.get(2).params());
        // rest_ticks: clock of 0.250244140625 s (4003906.25) minus 4000000.
        var home = mcu.sent.get(3);
        assertEquals(List.of(0, 4_000_000L, 244L, 4, 3906L, 1, 1, 1), home.params());
        assertEquals(4_000_000L, home.reqclock());
        assertSame(start.queue(), home.queue(), "endstop commands share the trsync's queue");
        assertEquals(List.of(0, 0, 0, 0, 0, 0, 0, 0), mcu.sent.get(4).params());
        assertTrue(completion.isDone());
        assertEquals(1.0, triggerTime);
        assertEquals(0, stepper[0].homingEnds, "nothing is read back in batch mode");
    }

    @Test
    void invertedEndstopWaitsForTheOtherPinLevel() {
        mcu.fileoutput = true;
        var endstop = new McuEndstopImpl(mcu, new PinParams("mcu", "PE5", true, 0));
        mcu.buildConfig();
        endstop.homeStart(0.25, SAMPLE_TIME, 4, REST_TIME, true);
        assertEquals(0, mcu.sentNamed("endstop_home").get(0).param(5));
    }

    @Test
    void triggeredHomingReturnsTheTimeThePinFirstMatched() {
        var stepper = new FakeStepper[1];
        var endstop = endstopWithStepper(stepper);
        printer.reactor.whileWaiting = () -> mcu.deliver("trsync_state", 1, state(0, 1, 4_500_000L));
        mcu.answer("trsync_state", state(0, 1, 4_500_000L));
        mcu.answer("endstop_state", Map.of("homing", 0, "next_clock", 4_800_000L, "pin_value", 1));

        var completion = endstop.homeStart(0.25, SAMPLE_TIME, 4, REST_TIME, true);
        double triggerTime = endstop.homeWait(1.0);

        assertTrue(completion.isDone());
        assertFalse(completion.await(), "a triggered endstop is not a failure");
        assertEquals(List.of(1, 2), mcu.sentNamed("trsync_trigger").get(0).params(), "host query after the end");
        assertEquals(List.of(0), mcu.sentNamed("endstop_query_state").get(0).params());
        // next_clock minus rest_ticks: 4800000 - 3906.
        assertEquals(4_796_094 / 16e6, triggerTime, 1e-12);
        assertEquals(1, stepper[0].homingEnds);
    }

    @Test
    void statusReportsExtendTheTimeoutOnceTheyGainEnough() {
        var endstop = endstopWithStepper(new FakeStepper[1]);
        endstop.homeStart(0.25, SAMPLE_TIME, 4, REST_TIME, true);
        mcu.sent.clear();

        // 4400000 + 4000000 is only 400000 past the 8000000 expiry (needs 0.8 * 1200000 = 960000).
        mcu.deliver("trsync_state", 1, state(1, 0, 4_400_000L));
        assertEquals(List.of(), mcu.sentNamed("trsync_set_timeout"));
        mcu.deliver("trsync_state", 1, state(1, 0, 5_000_000L));
        assertEquals(List.of(1, 9_000_000L), mcu.sentNamed("trsync_set_timeout").get(0).params());
    }

    @Test
    void movePastTheEndTimeStopsHomingWithoutATrigger() {
        var stepper = new FakeStepper[1];
        var endstop = endstopWithStepper(stepper);
        printer.reactor.whileWaiting = () -> {
            mcu.deliver("trsync_state", 1, state(1, 0, 16_000_000L));
            mcu.deliver("trsync_state", 1, state(0, 3, 16_000_100L));
        };
        mcu.answer("trsync_state", state(0, 3, 16_000_100L));

        endstop.homeStart(0.25, SAMPLE_TIME, 4, REST_TIME, true);
        double triggerTime = endstop.homeWait(1.0);

        assertEquals(List.of(1, 3), mcu.sentNamed("trsync_trigger").get(0).params(), "past end time");
        assertTrue(triggerTime < 0, "no trigger");
        assertEquals(List.of(), mcu.sentNamed("endstop_query_state"));
    }

    @Test
    void communicationTimeoutIsACommandError() {
        var endstop = endstopWithStepper(new FakeStepper[1]);
        printer.reactor.whileWaiting = () -> mcu.deliver("trsync_state", 1, state(0, 4, 4_400_000L));
        mcu.answer("trsync_state", state(0, 4, 4_400_000L));

        var completion = endstop.homeStart(0.25, SAMPLE_TIME, 4, REST_TIME, true);
        var error = assertThrows(CommandError.class, () -> endstop.homeWait(1.0));
        assertEquals("Communication timeout during homing", error.getMessage());
        assertTrue(completion.await(), "a timeout completes as a failure");
    }

    @Test
    void shutdownReleasesAWaitingHoming() {
        var endstop = endstopWithStepper(new FakeStepper[1]);
        var completion = endstop.homeStart(0.25, SAMPLE_TIME, 4, REST_TIME, true);
        printer.sendEvent(PrinterEvents.SHUTDOWN);
        assertTrue(completion.isDone());
        assertFalse(completion.await());
    }

    @Test
    void queryReadsThePinAtAPrintTime() {
        var endstop = new McuEndstopImpl(mcu, new PinParams("mcu", "PE5", true, 1));
        mcu.buildConfig();
        mcu.answer("endstop_state", Map.of("homing", 0, "next_clock", 0L, "pin_value", 1));
        mcu.answer("endstop_state", Map.of("homing", 0, "next_clock", 0L, "pin_value", 0));

        assertFalse(endstop.queryEndstop(2.0), "inverted: a high pin is not triggered");
        assertTrue(endstop.queryEndstop(2.0));
        var query = mcu.sentNamed("endstop_query_state").get(0);
        assertEquals(List.of(0), query.params());
        assertEquals(32_000_000L, query.minclock());
    }

    @Test
    void queryInBatchModeSendsNothing() {
        mcu.fileoutput = true;
        var endstop = new McuEndstopImpl(mcu, new PinParams("mcu", "PE5", false, 1));
        mcu.buildConfig();
        assertFalse(endstop.queryEndstop(2.0));
        assertEquals(List.of(), mcu.sent);
    }

    @Test
    void homingAcrossTwoMcusUsesOneTrsyncPerMcu() {
        mcu.fileoutput = true;
        var mcu2 = new RecordingMcu("extboard", printer, 20_000_000);
        mcu2.fileoutput = true;
        var endstop = new McuEndstopImpl(mcu, new PinParams("mcu", "PE5", false, 1));
        var stepperX = new FakeStepper(mcu, "stepper_x");
        var stepperY = new FakeStepper(mcu2, "stepper_y");
        endstop.addStepper(stepperX);
        endstop.addStepper(stepperY);
        mcu.buildConfig();
        mcu2.buildConfig();

        assertEquals(List.of(stepperX, stepperY), endstop.getSteppers());
        assertEquals(List.of("config_trsync oid=1"), mcu2.configCmds, "trsync after the stepper's oid 0");

        endstop.homeStart(0.25, SAMPLE_TIME, 4, REST_TIME, true);
        // Two MCUs: 25 ms timeout, reports every 0.3 of it, the second MCU's half a period later.
        assertEquals(List.of(1, 4_000_000L, 120_000L, 4), mcu.sentNamed("trsync_start").get(0).params());
        assertEquals(List.of(1, 4_400_000L), mcu.sentNamed("trsync_set_timeout").get(0).params());
        assertEquals(List.of(2, 1), mcu.sentNamed("stepper_stop_on_trigger").get(0).params());
        assertEquals(List.of(1, 5_075_000L, 150_000L, 4), mcu2.sentNamed("trsync_start").get(0).params());
        assertEquals(List.of(1, 5_500_000L), mcu2.sentNamed("trsync_set_timeout").get(0).params());
        assertEquals(List.of(0, 1), mcu2.sentNamed("stepper_stop_on_trigger").get(0).params());
        assertEquals(1, mcu.sentNamed("endstop_home").get(0).param(6), "the endstop fires the first trsync");
        assertEquals(0, mcu2.sentNamed("endstop_home").size());
    }

    @Test
    void aTriggerOnOneMcuTriggersTheOthersAndTimeoutsFollowTheSlowestMcu() {
        var mcu2 = new RecordingMcu("extboard", printer, 20_000_000);
        var endstop = new McuEndstopImpl(mcu, new PinParams("mcu", "PE5", false, 1));
        endstop.addStepper(new FakeStepper(mcu, "stepper_x"));
        endstop.addStepper(new FakeStepper(mcu2, "stepper_y"));
        mcu.buildConfig();
        mcu2.buildConfig();
        var completion = endstop.homeStart(0.25, SAMPLE_TIME, 4, REST_TIME, true);
        mcu.sent.clear();
        mcu2.sent.clear();

        // mcu reports at 0.26 s; extboard has only reported its start (0.25 s). The first
        // MCU's expiry follows extboard (unchanged); extboard's follows mcu:
        // 0.26 s = 5200000 ticks + 500000 = 5700000, 200000 past 5500000 (needs 120000).
        mcu.deliver("trsync_state", 1, state(1, 0, 4_160_000L));
        assertEquals(List.of(), mcu.sentNamed("trsync_set_timeout"));
        assertEquals(List.of(1, 5_700_000L), mcu2.sentNamed("trsync_set_timeout").get(0).params());

        mcu.deliver("trsync_state", 1, state(0, 1, 4_200_000L));
        assertEquals(List.of(1, 2), mcu2.sentNamed("trsync_trigger").get(0).params(), "host request");
        assertTrue(completion.isDone());
        assertFalse(completion.await());
    }

    @Test
    void oneRailCanNotBeHomedAcrossMcus() {
        var mcu2 = new RecordingMcu("extboard", printer, 20_000_000);
        var endstop = new McuEndstopImpl(mcu, new PinParams("mcu", "PE5", false, 1));
        endstop.addStepper(new FakeStepper(mcu, "stepper_z"));
        var error = assertThrows(ConfigException.class,
                () -> endstop.addStepper(new FakeStepper(mcu2, "stepper_z1")));
        assertEquals("Multi-mcu homing not supported on multi-mcu shared axis", error.getMessage());
    }
}
