/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualmcu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ConfigTest {

    @Test
    void keepsTheConfigCrcAfterFinalize() {
        TestHost host = new TestHost();
        host.send("get_config");
        Map<String, Object> before = host.takeOne("config");
        assertEquals(0L, before.get("is_config"));
        assertEquals(0L, before.get("crc"));

        host.send("allocate_oids count=3");
        host.send("config_stepper oid=0 step_pin=PB0 dir_pin=PB1 invert_step=0 step_pulse_ticks=100",
                "config_endstop oid=1 pin=PC0 pull_up=1", "config_trsync oid=2");
        host.send("finalize_config crc=3735928559");
        host.send("get_config");
        Map<String, Object> after = host.takeOne("config");
        assertEquals(1L, after.get("is_config"));
        assertEquals(3735928559L, after.get("crc"));
        assertEquals(0L, after.get("is_shutdown"));
        assertEquals(1024L, after.get("move_count"));
    }

    @Test
    void assigningAnOidAfterFinalizeShutsDown() {
        TestHost host = new TestHost();
        host.send("allocate_oids count=2", "config_trsync oid=0", "finalize_config crc=1");
        host.take();
        host.send("config_trsync oid=1");
        Map<String, Object> shutdown = host.takeOne("shutdown");
        assertEquals("Can't assign oid", host.shutdownReasonOf(shutdown));
        host.send("get_config");
        assertEquals(1L, host.takeOne("config").get("is_shutdown"));
    }

    @Test
    void usingAnOidAsTheWrongTypeShutsDown() {
        TestHost host = new TestHost();
        host.send("allocate_oids count=1", "config_trsync oid=0", "finalize_config crc=1");
        host.send("stepper_get_position oid=0");
        assertEquals("Invalid oid type", host.shutdownReasonOf(host.takeOne("shutdown")));
    }

    @Test
    void allocatingOidsTwiceShutsDown() {
        TestHost host = new TestHost();
        host.send("allocate_oids count=1");
        host.send("allocate_oids count=1");
        assertEquals("oids already allocated", host.shutdownReasonOf(host.takeOne("shutdown")));
    }

    @Test
    void finalizingTwiceShutsDown() {
        TestHost host = new TestHost();
        host.send("allocate_oids count=1", "finalize_config crc=7");
        host.send("finalize_config crc=7");
        assertEquals("Already finalized", host.shutdownReasonOf(host.takeOne("shutdown")));
        assertTrue(host.fw.isShutdown());
    }
}
