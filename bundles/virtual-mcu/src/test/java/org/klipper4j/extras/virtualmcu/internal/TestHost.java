/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualmcu.internal;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.klipper4j.extras.virtualmcu.BoardWiring;
import org.klipper4j.mcu.protocol.BlockContentDecoder;
import org.klipper4j.mcu.protocol.BlockDecoder;
import org.klipper4j.mcu.protocol.DataDictionary;
import org.klipper4j.mcu.protocol.DecodedMessage;
import org.klipper4j.mcu.protocol.MessageBlock;
import org.klipper4j.mcu.protocol.MessageFormat;

/**
 * A test-side host: encodes commands with the protocol classes, frames them in message
 * blocks with its own sequence numbers, and decodes what the board sends. Time is simulated.
 */
final class TestHost {
    static final long FREQ = FirmwareDictionary.CLOCK_FREQ;

    final Plant plant;
    final Firmware fw;
    final DataDictionary dict;
    private final List<byte[]> sent = new ArrayList<>();
    private int seq;
    int resets;

    TestHost() {
        this(BoardWiring.virtualPrinter());
    }

    TestHost(BoardWiring wiring) {
        this.plant = new Plant(wiring);
        FirmwareDictionary fd = new FirmwareDictionary();
        this.fw = new Firmware(fd, plant, sent::add, 0, Long.MAX_VALUE, () -> resets++);
        this.dict = DataDictionary.parseJson(fd.json());
    }

    /** Sends the commands (text form) in one message block. */
    void send(String... commands) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (String c : commands) {
            content.writeBytes(dict.createCommand(c));
        }
        sendRaw(content.toByteArray());
    }

    /** Sends a command with binary parameters in one block. */
    void sendMessage(String name, Object... values) {
        MessageFormat f = dict.byName(name);
        sendRaw(f.encode(values));
    }

    void sendRaw(byte[] content) {
        byte[] block = MessageBlock.frame(seq, content, 0, content.length);
        seq = (seq + 1) & MessageBlock.SEQ_MASK;
        fw.receive(block, 0, block.length);
    }

    void sendBytes(byte[] bytes) {
        fw.receive(bytes, 0, bytes.length);
    }

    void advanceSeconds(double s) {
        fw.advanceTo(fw.now() + (long) (s * FREQ));
    }

    void advanceTo(long ticks) {
        fw.advanceTo(ticks);
    }

    /** Raw blocks the board sent since the last call. */
    List<byte[]> takeBlocks() {
        List<byte[]> out = new ArrayList<>(sent);
        sent.clear();
        return out;
    }

    /** Messages the board sent since the last call (empty acks have none). */
    List<DecodedMessage> take() {
        List<DecodedMessage> out = new ArrayList<>();
        BlockContentDecoder content = new BlockContentDecoder(dict);
        BlockDecoder decoder = new BlockDecoder((buf, off, len) -> content.decode(buf, off, len,
                new BlockContentDecoder.Sink() {
                    @Override
                    public void message(DecodedMessage m, int offset) {
                        out.add(m);
                    }

                    @Override
                    public void unknown(long id, byte[] rest, int offset) {
                        throw new AssertionError("unknown message id " + id);
                    }

                    @Override
                    public void truncated(MessageFormat f, int offset) {
                        throw new AssertionError("truncated " + f);
                    }
                }));
        for (byte[] b : takeBlocks()) {
            decoder.feed(b);
        }
        return out;
    }

    /** Messages with this name since the last take, as parameter maps. */
    List<Map<String, Object>> take(String name) {
        return take().stream().filter(m -> m.name().equals(name)).map(DecodedMessage::params).toList();
    }

    /** The one message with this name since the last take. */
    Map<String, Object> takeOne(String name) {
        List<Map<String, Object>> all = take(name);
        if (all.size() != 1) {
            throw new AssertionError("expected one '" + name + "', got " + all);
        }
        return all.get(0);
    }

    long clock32(double seconds) {
        return ((long) (seconds * FREQ)) & 0xffffffffL;
    }

    /** The static string of a shutdown or is_shutdown message (decoded by its enumeration). */
    String shutdownReasonOf(Map<String, Object> msg) {
        return (String) msg.get("static_string_id");
    }
}
