/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualmcu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.klipper4j.extras.virtualmcu.BoardWiring;

class EndstopTest {
    /** An axis 100 steps above a min endstop that reads high when pressed. */
    private static TestHost homingHost() {
        TestHost host = new TestHost(BoardWiring.builder()
                .axis(new BoardWiring.Axis("PB0", 100))
                .endstop(new BoardWiring.Endstop("PC0", "PB0", 0, true, true))
                .build());
        host.send("allocate_oids count=3",
                "config_stepper oid=0 step_pin=PB0 dir_pin=PB1 invert_step=0 step_pulse_ticks=20",
                "config_endstop oid=1 pin=PC0 pull_up=0", "config_trsync oid=2",
                "finalize_config crc=0");
        host.take();
        return host;
    }

    @Test
    void triggersWhenTheStepperReachesTheSwitchAndStopsIt() {
        TestHost host = homingHost();
        host.send("trsync_start oid=2 report_clock=0 report_ticks=0 expire_reason=4",
                "stepper_stop_on_trigger oid=0 trsync_oid=2",
                "trsync_set_timeout oid=2 clock=5000000",
                "endstop_home oid=1 clock=1000 sample_ticks=10 sample_count=4 rest_ticks=100 pin_value=1"
                        + " trsync_oid=2 trigger_reason=1",
                "reset_step_clock oid=0 clock=1000", "set_next_step_dir oid=0 dir=0",
                "queue_step oid=0 interval=1000 count=200 add=0");
        host.advanceTo(1_000_000);
        // the 100th step (at 101000) reaches the switch; a poll and three more samples 10 ticks apart confirm it
        assertEquals(100, host.fw.stepCount("PB0"));
        assertEquals(0, host.plant.axisPosition("PB0"));
        List<Map<String, Object>> states = host.take("trsync_state");
        assertEquals(1, states.size());
        assertEquals(0L, states.get(0).get("can_trigger"));
        assertEquals(1L, states.get(0).get("trigger_reason"));
        long clock = (Long) states.get(0).get("clock");
        assertTrue(clock >= 101_000 && clock <= 101_200, "trigger time " + clock);

        host.send("endstop_query_state oid=1");
        Map<String, Object> state = host.takeOne("endstop_state");
        assertEquals(1L, state.get("homing"), "homing until the host turns it off");
        assertEquals(1L, state.get("pin_value"));
        host.send("endstop_home oid=1 clock=0 sample_ticks=0 sample_count=0 rest_ticks=0 pin_value=0"
                + " trsync_oid=0 trigger_reason=0", "endstop_query_state oid=1");
        assertEquals(0L, host.takeOne("endstop_state").get("homing"));
        host.send("stepper_get_position oid=0");
        assertEquals(-100L, host.takeOne("stepper_position").get("pos"));
    }

    @Test
    void aPressedSwitchTriggersAfterSampleCountSamples() {
        TestHost host = new TestHost(BoardWiring.builder()
                .axis(new BoardWiring.Axis("PB0", 0))
                .endstop(new BoardWiring.Endstop("PC0", "PB0", 0, true, true))
                .build());
        host.send("allocate_oids count=2", "config_endstop oid=0 pin=PC0 pull_up=0", "config_trsync oid=1",
                "finalize_config crc=0");
        host.send("trsync_start oid=1 report_clock=0 report_ticks=0 expire_reason=4",
                "endstop_home oid=0 clock=1000 sample_ticks=10 sample_count=4 rest_ticks=100 pin_value=1"
                        + " trsync_oid=1 trigger_reason=1");
        host.take();
        host.advanceTo(1029);
        assertTrue(host.take("trsync_state").isEmpty());
        host.advanceTo(1030);
        assertEquals(1030L, host.takeOne("trsync_state").get("clock"), "samples at 1000, 1010, 1020, 1030");
    }

    @Test
    void waitsForTheOtherLevelWhenAskedTo() {
        TestHost host = new TestHost(BoardWiring.builder()
                .axis(new BoardWiring.Axis("PB0", 0))
                .endstop(new BoardWiring.Endstop("PC0", "PB0", 0, true, true))
                .build());
        host.send("allocate_oids count=2", "config_endstop oid=0 pin=PC0 pull_up=0", "config_trsync oid=1",
                "finalize_config crc=0");
        host.send("trsync_start oid=1 report_clock=0 report_ticks=0 expire_reason=4",
                "endstop_home oid=0 clock=1000 sample_ticks=10 sample_count=4 rest_ticks=100 pin_value=0"
                        + " trsync_oid=1 trigger_reason=1");
        host.take();
        host.advanceTo(1_000_000);
        assertTrue(host.take("trsync_state").isEmpty(), "the switch stays pressed");
    }

    @Test
    void theTimeoutTriggersWithTheExpireReason() {
        TestHost host = homingHost();
        host.send("trsync_start oid=2 report_clock=0 report_ticks=0 expire_reason=4",
                "stepper_stop_on_trigger oid=0 trsync_oid=2",
                "trsync_set_timeout oid=2 clock=20500",
                "endstop_home oid=1 clock=1000 sample_ticks=10 sample_count=4 rest_ticks=100 pin_value=1"
                        + " trsync_oid=2 trigger_reason=1",
                "reset_step_clock oid=0 clock=1000", "set_next_step_dir oid=0 dir=0",
                "queue_step oid=0 interval=1000 count=200 add=0");
        host.advanceTo(1_000_000);
        Map<String, Object> state = host.takeOne("trsync_state");
        assertEquals(4L, state.get("trigger_reason"));
        assertEquals(19, host.fw.stepCount("PB0"), "steps at 2000, 3000, ..., 20000 before the timeout at 20500");
    }

    @Test
    void reportsPeriodicallyWhileArmed() {
        TestHost host = homingHost();
        host.send("trsync_start oid=2 report_clock=1000 report_ticks=10000 expire_reason=4");
        host.advanceTo(35_000);
        List<Map<String, Object>> states = host.take("trsync_state");
        assertEquals(4, states.size(), "at 1000, 11000, 21000, 31000");
        assertEquals(1L, states.get(0).get("can_trigger"));
        host.send("trsync_trigger oid=2 reason=3");
        Map<String, Object> state = host.takeOne("trsync_state");
        assertEquals(0L, state.get("can_trigger"));
        assertEquals(3L, state.get("trigger_reason"));
        host.advanceTo(100_000);
        assertEquals(0, host.take("trsync_state").size());
    }

    @Test
    void aStoppedStepperIgnoresMovesUntilItsClockIsReset() {
        TestHost host = homingHost();
        host.send("trsync_start oid=2 report_clock=0 report_ticks=0 expire_reason=4",
                "stepper_stop_on_trigger oid=0 trsync_oid=2", "trsync_trigger oid=2 reason=2");
        host.send("queue_step oid=0 interval=1000 count=5 add=0");
        host.advanceTo(100_000);
        assertEquals(0, host.fw.stepCount("PB0"));
        host.send("reset_step_clock oid=0 clock=200000", "queue_step oid=0 interval=1000 count=5 add=0");
        host.advanceTo(300_000);
        assertEquals(5, host.fw.stepCount("PB0"));
    }
}
