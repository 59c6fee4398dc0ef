/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualmcu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StepperTest {
    private TestHost host;

    @BeforeEach
    void configure() {
        host = new TestHost();
        host.send("allocate_oids count=1",
                "config_stepper oid=0 step_pin=PB0 dir_pin=PB1 invert_step=0 step_pulse_ticks=20",
                "finalize_config crc=0");
        host.take();
    }

    @Test
    void stepsAtIntervalsGrowingByAdd() {
        host.send("reset_step_clock oid=0 clock=1000", "set_next_step_dir oid=0 dir=1",
                "queue_step oid=0 interval=100 count=5 add=10");
        // steps at 1100, 1210, 1330, 1460, 1600
        host.advanceTo(1099);
        assertEquals(0, host.fw.stepCount("PB0"));
        host.advanceTo(1100);
        assertEquals(1, host.fw.stepCount("PB0"));
        host.advanceTo(1459);
        assertEquals(3, host.fw.stepCount("PB0"));
        host.advanceTo(1599);
        assertEquals(4, host.fw.stepCount("PB0"));
        host.advanceTo(1600);
        assertEquals(5, host.fw.stepCount("PB0"));
        assertEquals(5, host.fw.stepperPosition("PB0"));
    }

    @Test
    void aNextMoveStartsFromTheLastStepAndDirectionSetsTheSign() {
        host.send("reset_step_clock oid=0 clock=1000", "set_next_step_dir oid=0 dir=1",
                "queue_step oid=0 interval=100 count=5 add=10",
                "set_next_step_dir oid=0 dir=0", "queue_step oid=0 interval=50 count=3 add=-5");
        // second move: 1600 + 50, +45, +40 -> 1650, 1695, 1735
        host.advanceTo(1694);
        assertEquals(6, host.fw.stepCount("PB0"));
        host.advanceTo(1735);
        assertEquals(8, host.fw.stepCount("PB0"));
        host.send("stepper_get_position oid=0");
        assertEquals(2L, host.takeOne("stepper_position").get("pos"));
        assertEquals(8000 + 2, host.plant.axisPosition("PB0"));
    }

    @Test
    void positionCountsOnlyStepsTaken() {
        host.send("reset_step_clock oid=0 clock=1000", "set_next_step_dir oid=0 dir=0",
                "queue_step oid=0 interval=1000 count=10 add=0");
        host.advanceTo(4500);
        host.send("stepper_get_position oid=0");
        assertEquals(-3L, host.takeOne("stepper_position").get("pos"));
    }

    @Test
    void aZeroCountShutsDown() {
        host.send("queue_step oid=0 interval=100 count=0 add=0");
        assertEquals("Invalid count parameter", host.shutdownReasonOf(host.takeOne("shutdown")));
    }

    @Test
    void resettingTheClockWhileSteppingShutsDown() {
        host.send("reset_step_clock oid=0 clock=1000", "queue_step oid=0 interval=100 count=5 add=0");
        host.advanceTo(1250);
        host.send("reset_step_clock oid=0 clock=2000");
        assertEquals("Can't reset time when stepper active", host.shutdownReasonOf(host.takeOne("shutdown")));
        host.advanceTo(10_000);
        assertEquals(2, host.fw.stepCount("PB0"), "a shutdown stops the stepper");
    }

    @Test
    void afterAResetToClockZeroTheFirstIntervalIsAnAbsoluteClockEvenLateInThe32BitRange() {
        // the host resets to clock 0 after homing and gives the first step's absolute clock as its interval;
        // 3.5e9 ticks (70 s at 50 MHz) is nearer 2^32 than 0, which must not push the step a wrap later
        long start = 3_500_000_000L;
        host.advanceTo(start);
        host.send("reset_step_clock oid=0 clock=0", "set_next_step_dir oid=0 dir=1",
                "queue_step oid=0 interval=" + (start + 1000) + " count=1 add=0",
                "queue_step oid=0 interval=1000 count=2 add=0");
        host.advanceTo(start + 999);
        assertEquals(0, host.fw.stepCount("PB0"));
        host.advanceTo(start + 3000);
        assertEquals(3, host.fw.stepCount("PB0"));
    }
}
