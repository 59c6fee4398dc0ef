/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualmcu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SafetyShutdownTest {
    private static final long SECOND = TestHost.FREQ;

    private static TestHost heaterHost(long maxDurationTicks) {
        TestHost host = new TestHost();
        host.send("allocate_oids count=3",
                "config_digital_out oid=0 pin=PD0 value=0 default_value=0 max_duration=" + maxDurationTicks,
                "config_analog_in oid=1 pin=PA0",
                "config_pwm_out oid=2 pin=PD2 cycle_ticks=500 value=0 default_value=0 max_duration="
                        + maxDurationTicks,
                "finalize_config crc=0");
        host.take();
        return host;
    }

    @Test
    void anEventScheduledInThePastShutsDownWithTimerTooClose() {
        TestHost host = heaterHost(0);
        host.advanceSeconds(2);
        host.send("queue_digital_out oid=0 clock=" + SECOND + " on_ticks=1");
        Map<String, Object> shutdown = host.takeOne("shutdown");
        assertEquals("Timer too close", host.shutdownReasonOf(shutdown));
        assertEquals(2 * SECOND, shutdown.get("clock"));

        host.send("queue_digital_out oid=0 clock=" + 3 * SECOND + " on_ticks=1");
        assertEquals("Timer too close", host.shutdownReasonOf(host.takeOne("is_shutdown")));
        host.send("get_config");
        assertEquals(1L, host.takeOne("config").get("is_shutdown"));

        host.send("clear_shutdown");
        host.send("queue_digital_out oid=0 clock=" + 3 * SECOND + " on_ticks=1");
        host.advanceSeconds(2);
        assertTrue(host.take("shutdown").isEmpty());
        assertEquals(1.0, host.plant.output("PD0"));
    }

    @Test
    void anOutputLeftOnPastMaxDurationShutsDownAndReturnsToDefault() {
        TestHost host = heaterHost(SECOND);
        host.send("queue_digital_out oid=0 clock=" + SECOND / 2 + " on_ticks=1");
        host.advanceTo(SECOND + SECOND / 2 - 1);
        assertTrue(host.take("shutdown").isEmpty());
        assertEquals(1.0, host.plant.output("PD0"));
        host.advanceTo(SECOND + SECOND / 2);
        Map<String, Object> shutdown = host.takeOne("shutdown");
        assertEquals("Missed scheduling of next digital out event", host.shutdownReasonOf(shutdown));
        assertEquals(SECOND + SECOND / 2, shutdown.get("clock"));
        assertEquals(0.0, host.plant.output("PD0"));
    }

    @Test
    void updatesWithinMaxDurationKeepTheBoardRunning() {
        TestHost host = heaterHost(SECOND);
        for (int i = 1; i <= 5; i++) {
            host.send("queue_digital_out oid=0 clock=" + i * SECOND / 2 + " on_ticks=1");
        }
        host.send("queue_digital_out oid=0 clock=" + 3 * SECOND + " on_ticks=0");
        host.advanceSeconds(10);
        assertTrue(host.take("shutdown").isEmpty());
        assertFalse(host.fw.isShutdown());
    }

    @Test
    void queueingAnUpdateBeyondMaxDurationShutsDown() {
        TestHost host = heaterHost(SECOND);
        host.send("queue_digital_out oid=0 clock=" + SECOND / 2 + " on_ticks=1",
                "queue_digital_out oid=0 clock=" + 2 * SECOND + " on_ticks=0");
        host.advanceSeconds(1);
        assertEquals("Scheduled digital out event will exceed max_duration",
                host.shutdownReasonOf(host.takeOne("shutdown")));
    }

    @Test
    void aHardwarePwmLeftOnPastMaxDurationShutsDown() {
        TestHost host = heaterHost(SECOND);
        host.send("queue_pwm_out oid=2 clock=" + SECOND / 2 + " value=128");
        host.advanceSeconds(1);
        assertEquals(128 / 255.0, host.plant.output("PD2"), 1e-9);
        host.advanceSeconds(1);
        assertEquals("Missed scheduling of next hard pwm event", host.shutdownReasonOf(host.takeOne("shutdown")));
        assertEquals(0.0, host.plant.output("PD2"));
    }

    @Test
    void anAdcReadingOutOfRangeShutsDownAfterRangeCheckCountAndKeepsReporting() {
        TestHost host = heaterHost(0);
        // ambient reads about 0.955 of full scale: 8 samples sum to about 31300, above 30000
        host.send("query_analog_in oid=1 clock=" + SECOND + " sample_ticks=5000 sample_count=8"
                + " rest_ticks=" + SECOND / 10 + " bytes_per_report=2 min_value=1000 max_value=30000"
                + " range_check_count=3");
        host.advanceTo(SECOND + SECOND / 10);
        assertTrue(host.take("shutdown").isEmpty());
        host.advanceTo(SECOND + 2 * SECOND / 10 + SECOND / 100);
        List<Map<String, Object>> shutdowns = host.take("shutdown");
        assertEquals(1, shutdowns.size());
        assertEquals("ADC out of range", host.shutdownReasonOf(shutdowns.get(0)));
        assertEquals(SECOND + 2 * SECOND / 10 + 7 * 5000, shutdowns.get(0).get("clock"));
        host.advanceSeconds(1);
        assertTrue(host.take("analog_in_state").size() >= 9, "reports continue after the shutdown");
        assertTrue(host.take("shutdown").isEmpty());
    }

    @Test
    void emergencyStopShutsDownWithCommandRequest() {
        TestHost host = heaterHost(0);
        host.send("emergency_stop");
        assertEquals("Command request", host.shutdownReasonOf(host.takeOne("shutdown")));
        host.send("clear_shutdown");
        host.send("clear_shutdown");
        assertEquals("Shutdown cleared when not shutdown", host.shutdownReasonOf(host.takeOne("shutdown")));
    }

    @Test
    void anUnknownCommandIdShutsDown() {
        TestHost host = heaterHost(0);
        host.sendRaw(new byte[] {95}); // no message has id 95
        assertEquals("Invalid command", host.shutdownReasonOf(host.takeOne("shutdown")));
    }
}
