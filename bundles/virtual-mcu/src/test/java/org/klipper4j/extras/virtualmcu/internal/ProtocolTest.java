/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualmcu.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.klipper4j.mcu.protocol.DataDictionary;
import org.klipper4j.mcu.protocol.MessageBlock;
import org.klipper4j.mcu.protocol.MessageFormat;
import org.klipper4j.mcu.protocol.MessageKind;

class ProtocolTest {

    @Test
    void identifyServesTheCompressedDictionaryInChunks() {
        TestHost host = new TestHost();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (;;) {
            host.send("identify offset=" + data.size() + " count=40");
            Map<String, Object> r = host.takeOne("identify_response");
            assertEquals((long) data.size(), r.get("offset"));
            byte[] chunk = (byte[]) r.get("data");
            assertTrue(chunk.length <= 40);
            if (chunk.length == 0) {
                break;
            }
            data.writeBytes(chunk);
        }
        DataDictionary d = DataDictionary.fromCompressed(data.toByteArray());
        assertEquals(50_000_000.0, d.clockFreq());
        assertEquals("virtual", d.getConstant("MCU"));
        assertEquals(4095, d.getConstantLong("ADC_MAX"));
        assertEquals("Klipper", d.app());
        assertEquals(16 * 12, d.enumerations().get("pin").values().size());
        assertEquals(17, d.enumerations().get("pin").valueOf("PB1"));
        assertEquals("Timer too close", d.staticString(3));
        assertTrue(d.hasFormat("queue_step oid=%c interval=%u count=%hu add=%hi"));
    }

    @Test
    void everyFormatIsWordedExactlyAsKlippersFirmware() throws Exception {
        DataDictionary klipper;
        try (InputStream in = getClass().getResourceAsStream("/stm32h723.dict")) {
            klipper = DataDictionary.parse(in.readAllBytes());
        }
        DataDictionary ours = new FirmwareDictionary().parsed();
        List<MessageFormat> formats = ours.messages();
        assertTrue(formats.size() > 50);
        for (MessageFormat f : formats) {
            assertTrue(klipper.hasFormat(f.format()), "not in Klipper's dictionary: " + f.format());
            MessageFormat k = klipper.byName(f.name());
            assertEquals(k.kind() == MessageKind.COMMAND, f.kind() == MessageKind.COMMAND, f.format());
        }
    }

    @Test
    void acksEachBlockWithTheNextSequenceNumber() {
        TestHost host = new TestHost();
        host.send("get_clock");
        List<byte[]> blocks = host.takeBlocks();
        assertEquals(2, blocks.size(), "a response then an ack");
        assertEquals(1, MessageBlock.sequenceOf(blocks.get(0), 0));
        assertEquals(MessageBlock.MIN_SIZE, blocks.get(1).length);
        assertEquals(1, MessageBlock.sequenceOf(blocks.get(1), 0));
        host.send("debug_nop");
        blocks = host.takeBlocks();
        assertEquals(1, blocks.size());
        assertEquals(2, MessageBlock.sequenceOf(blocks.get(0), 0));
    }

    @Test
    void dropsAnOutOfSequenceBlockAndNaks() {
        TestHost host = new TestHost();
        byte[] content = host.dict.createCommand("get_clock");
        byte[] wrongSeq = MessageBlock.frame(5, content, 0, content.length);
        host.sendBytes(wrongSeq);
        List<byte[]> blocks = host.takeBlocks();
        assertEquals(1, blocks.size(), "only a nak");
        assertEquals(MessageBlock.MIN_SIZE, blocks.get(0).length);
        assertEquals(0, MessageBlock.sequenceOf(blocks.get(0), 0));
        host.send("get_clock");
        assertEquals(1, host.take("clock").size());
    }

    @Test
    void dropsACorruptBlockWithOneNakThenResynchronises() {
        TestHost host = new TestHost();
        byte[] content = host.dict.createCommand("get_clock");
        byte[] bad = MessageBlock.frame(0, content, 0, content.length);
        bad[2] ^= 0x01;
        host.sendBytes(bad);
        host.sendBytes(new byte[] {1, 2, 3, 0x7e});
        List<byte[]> blocks = host.takeBlocks();
        assertEquals(1, blocks.size(), "one nak until a valid block");
        assertEquals(0, MessageBlock.sequenceOf(blocks.get(0), 0));
        host.send("get_clock");
        assertEquals(1, host.take("clock").size());
    }

    @Test
    void reportsUptimeAndClockFromItsTime() {
        TestHost host = new TestHost();
        host.advanceTo((1L << 32) + 1234);
        host.send("get_uptime");
        Map<String, Object> up = host.takeOne("uptime");
        assertEquals(1L, up.get("high"));
        assertEquals(1234L, up.get("clock"));
        host.send("get_clock");
        assertEquals(1234L, host.takeOne("clock").get("clock"));
    }

    @Test
    void answersPingWithItsData() {
        TestHost host = new TestHost();
        host.send("debug_ping data=0102ff");
        assertArrayEquals(new byte[] {1, 2, (byte) 0xff}, (byte[]) host.takeOne("pong").get("data"));
    }

    @Test
    void resetCommandAsksForAReboot() {
        TestHost host = new TestHost();
        host.send("reset");
        assertEquals(1, host.resets);
    }
}
