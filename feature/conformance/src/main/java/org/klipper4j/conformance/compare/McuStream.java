/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.conformance.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.klipper4j.mcu.protocol.BlockDecoder;
import org.klipper4j.mcu.protocol.ByteCursor;
import org.klipper4j.mcu.protocol.DataDictionary;
import org.klipper4j.mcu.protocol.MessageBlock;
import org.klipper4j.mcu.protocol.MessageFormat;
import org.klipper4j.mcu.protocol.MessageKind;
import org.klipper4j.mcu.protocol.MessageParam;
import org.klipper4j.mcu.protocol.ProtocolException;

/**
 * A host-to-MCU byte stream decoded to commands, with what was wrong with it: framing,
 * CRC, unknown ids and truncated messages make it undecodable; sequence gaps are kept apart.
 */
final class McuStream {
    /** A problem found while decoding; {@code kind} is framing, tail, seq, unknown-id or truncated. */
    record Issue(String kind, long offset, String text) {
        @Override
        public String toString() {
            return "offset " + offset + ": " + kind + ": " + text;
        }
    }

    private final DataDictionary dict;
    private final List<Command> commands = new ArrayList<>();
    private final List<Issue> issues = new ArrayList<>();
    private final long size;

    private McuStream(DataDictionary dict, byte[] data) {
        this.dict = dict;
        this.size = data.length;
        decode(data);
    }

    static McuStream decode(DataDictionary dict, byte[] data) {
        return new McuStream(dict, data);
    }

    DataDictionary dictionary() {
        return dict;
    }

    List<Command> commands() {
        return commands;
    }

    long size() {
        return size;
    }

    List<Issue> decodeErrors() {
        return issues.stream().filter(i -> !i.kind().equals("seq")).toList();
    }

    List<Issue> sequenceErrors() {
        return issues.stream().filter(i -> i.kind().equals("seq")).toList();
    }

    private void decode(byte[] data) {
        BlockDecoder[] decoder = new BlockDecoder[1];
        int[] prevSeq = {-1};
        decoder[0] = new BlockDecoder(new BlockDecoder.Listener() {
            @Override
            public void onBlock(byte[] buf, int off, int len) {
                int seq = MessageBlock.sequenceOf(buf, off);
                if (prevSeq[0] >= 0 && seq != ((prevSeq[0] + 1) & MessageBlock.SEQ_MASK)) {
                    issues.add(new Issue("seq", decoder[0].currentOffset(), "sequence " + seq + ", expected "
                            + ((prevSeq[0] + 1) & MessageBlock.SEQ_MASK)));
                }
                prevSeq[0] = seq;
                parseContent(buf, off + MessageBlock.HEADER_SIZE, off + len - MessageBlock.TRAILER_SIZE,
                        decoder[0].currentOffset() - off);
            }

            @Override
            public void onDiscard(byte[] buf, int off, int len) {
                // a sync byte between blocks is normal
                if (len != 1 || (buf[off] & 0xff) != MessageBlock.SYNC) {
                    issues.add(new Issue("framing", decoder[0].currentOffset(), "discarded " + len + " bytes"));
                }
            }
        });
        decoder[0].feed(data);
        if (decoder[0].pending() > 0) {
            issues.add(new Issue("tail", data.length - decoder[0].pending(),
                    decoder[0].pending() + " trailing bytes do not form a block"));
        }
    }

    /** The messages of one block; {@code base} turns buffer positions into stream offsets. */
    private void parseContent(byte[] buf, int pos, int end, long base) {
        ByteCursor cur = new ByteCursor(buf, pos, end);
        while (cur.hasRemaining()) {
            int start = cur.position();
            MessageFormat f = null;
            try {
                long id = cur.readVlq();
                f = id >= Integer.MIN_VALUE && id <= Integer.MAX_VALUE ? dict.byId((int) id) : null;
                if (f == null) {
                    issues.add(new Issue("unknown-id", base + start, "unknown message id " + id
                            + "; rest of block skipped"));
                    commands.add(new Command(null, new Object[] {id, Arrays.copyOfRange(buf, start, end)},
                            commands.size()));
                    return;
                }
                Object[] values = new Object[f.paramCount()];
                for (int i = 0; i < values.length; i++) {
                    MessageParam p = f.params().get(i);
                    values[i] = p.type().isString() ? cur.readString() : (Object) p.type().normalize(cur.readVlq());
                }
                if (f.kind() != MessageKind.COMMAND) {
                    issues.add(new Issue("unknown-id", base + start, "id " + id + " is a "
                            + f.kind().name().toLowerCase() + " (" + f.name() + "), not a command"));
                }
                commands.add(new Command(f, values, commands.size()));
            } catch (ProtocolException e) {
                issues.add(new Issue("truncated", base + start, (f == null ? "message id" : f.name())
                        + ": parameters run past the end of the block"));
                return;
            }
        }
    }
}
