/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualmcu;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.mcu.McuLink;
import org.klipper4j.mcu.protocol.BlockContentDecoder;
import org.klipper4j.mcu.protocol.BlockDecoder;
import org.klipper4j.mcu.protocol.DataDictionary;
import org.klipper4j.mcu.protocol.DecodedMessage;
import org.klipper4j.mcu.protocol.MessageBlock;
import org.klipper4j.mcu.protocol.MessageFormat;

/** A minimal host on a real-time link: sends commands in sequence, waits for named responses. */
final class LinkHost {
    private final McuLink link;
    private final DataDictionary dict;
    private final List<DecodedMessage> received = new ArrayList<>();
    private final BlockDecoder decoder;
    private int seq;
    private int lastSeenSeq = -1;

    LinkHost(McuLink link) {
        this.link = link;
        this.dict = DataDictionary.parseJson(VirtualMcu.dictionaryJson());
        BlockContentDecoder content = new BlockContentDecoder(dict);
        this.decoder = new BlockDecoder((buf, off, len) -> {
            lastSeenSeq = MessageBlock.sequenceOf(buf, off);
            content.decode(buf, off, len,
                new BlockContentDecoder.Sink() {
                    @Override
                    public void message(DecodedMessage m, int offset) {
                        received.add(m);
                    }

                    @Override
                    public void unknown(long id, byte[] rest, int offset) {
                    }

                    @Override
                    public void truncated(MessageFormat f, int offset) {
                    }
                });
        });
    }

    /**
     * Takes over the board's sequence number, as Klipper's host does on first contact:
     * the board naks the first block with the number it expects.
     */
    void resync() throws IOException {
        lastSeenSeq = -1;
        send("debug_nop");
        long deadline = System.nanoTime() + 5_000_000_000L;
        byte[] buf = new byte[256];
        while (lastSeenSeq < 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no nak from the virtual MCU within 5 s");
            }
            int n = link.read(buf, 0, buf.length, 100);
            if (n < 0) {
                throw new AssertionError("link closed");
            }
            decoder.feed(buf, 0, n);
        }
        seq = lastSeenSeq;
    }

    void send(String... commands) throws IOException {
        java.io.ByteArrayOutputStream content = new java.io.ByteArrayOutputStream();
        for (String c : commands) {
            content.writeBytes(dict.createCommand(c));
        }
        byte[] c = content.toByteArray();
        byte[] block = MessageBlock.frame(seq, c, 0, c.length);
        seq = (seq + 1) & MessageBlock.SEQ_MASK;
        link.write(block, 0, block.length);
    }

    /** Waits (up to 5 s) for a message with this name and returns its parameters. */
    Map<String, Object> await(String name) throws IOException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        byte[] buf = new byte[256];
        for (;;) {
            for (int i = 0; i < received.size(); i++) {
                if (received.get(i).name().equals(name)) {
                    return received.remove(i).params();
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no '" + name + "' from the virtual MCU within 5 s");
            }
            int n = link.read(buf, 0, buf.length, 100);
            if (n < 0) {
                throw new AssertionError("link closed");
            }
            decoder.feed(buf, 0, n);
        }
    }
}
