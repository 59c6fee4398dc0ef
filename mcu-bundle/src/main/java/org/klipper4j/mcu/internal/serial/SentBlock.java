/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.serial;

import org.klipper4j.mcu.protocol.MessageBlock;

/** A block sent and not yet acknowledged, kept for retransmission. */
final class SentBlock {
    final byte[] block = new byte[MessageBlock.MAX_SIZE];
    int len;
    double sentTime;
    /** When the block is expected to have fully left the wire. */
    double receiveTime;
}
