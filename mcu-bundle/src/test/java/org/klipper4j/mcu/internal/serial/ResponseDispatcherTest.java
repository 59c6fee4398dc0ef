/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.klipper4j.mcu.protocol.DataDictionary;
import org.junit.jupiter.api.Test;

class ResponseDispatcherTest {
    private static DataDictionary dict() throws Exception {
        try (var in = ResponseDispatcherTest.class.getResourceAsStream(
                "/org/klipper4j/mcu/protocol/dict/atmega2560.dict")) {
            return DataDictionary.parse(in.readAllBytes());
        }
    }

    @Test
    void responsesGoToTheirNameAndOidHandlers() throws Exception {
        DataDictionary d = dict();
        ResponseDispatcher dispatcher = new ResponseDispatcher(d);
        List<Map<String, Object>> oid3 = new ArrayList<>();
        List<Map<String, Object>> oid4 = new ArrayList<>();
        List<Map<String, Object>> clocks = new ArrayList<>();
        dispatcher.register("stepper_position", 3, oid3::add);
        dispatcher.register("stepper_position", 4, oid4::add);
        dispatcher.register("clock", null, clocks::add);

        FakeMcu mcu = new FakeMcu(1);
        SerialQueue host = new SerialQueue(mcu, dispatcher);
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.writeBytes(d.byName("stepper_position").encode(3, -5));
        content.writeBytes(d.byName("clock").encode(123456L));
        mcu.reply(content.toByteArray());
        mcu.deliver(host, 2.5);

        assertEquals(1, oid3.size());
        assertEquals(-5L, oid3.get(0).get("pos"));
        assertEquals("stepper_position", oid3.get(0).get("#name"));
        assertEquals(2.5, (Double) oid3.get(0).get("#receive_time"), 1e-9);
        assertTrue(oid4.isEmpty());
        assertEquals(1, clocks.size());
        assertEquals(123456L, clocks.get(0).get("clock"));

        dispatcher.register("clock", null, null);
        mcu.reply(d.byName("clock").encode(1L));
        mcu.deliver(host, 3.0);
        assertEquals(1, clocks.size());
    }
}
