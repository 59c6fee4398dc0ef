/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.protocol;

import java.util.Arrays;

/** Decodes the messages inside one message block with a data dictionary. */
public final class BlockContentDecoder {
    /** Receives what a block holds. */
    public interface Sink {
        void message(DecodedMessage message, int offset);

        /** An id the dictionary does not know: the rest of the block is skipped. */
        void unknown(long id, byte[] rest, int offset);

        /** A message whose parameters run past the end of the block. */
        void truncated(MessageFormat format, int offset);
    }

    private final DataDictionary dict;
    private final ByteCursor cursor = new ByteCursor();

    public BlockContentDecoder(DataDictionary dict) {
        this.dict = dict;
    }

    /** Decodes the block at {@code off} (header and trailer included); offsets given to the sink are into {@code buf}. */
    public void decode(byte[] buf, int off, int len, Sink sink) {
        int end = off + len - MessageBlock.TRAILER_SIZE;
        cursor.reset(buf, off + MessageBlock.HEADER_SIZE, end);
        while (cursor.hasRemaining()) {
            int start = cursor.position();
            MessageFormat f = null;
            try {
                long id = cursor.readVlq();
                f = id >= Integer.MIN_VALUE && id <= Integer.MAX_VALUE ? dict.byId((int) id) : null;
                if (f == null) {
                    sink.unknown(id, Arrays.copyOfRange(buf, start, end), start);
                    return;
                }
                sink.message(new DecodedMessage(f, f.decodeValues(cursor)), start);
            } catch (ProtocolException e) {
                sink.truncated(f, start);
                return;
            }
        }
    }
}
