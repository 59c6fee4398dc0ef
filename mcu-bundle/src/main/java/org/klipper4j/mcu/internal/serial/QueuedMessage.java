/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.serial;

import org.klipper4j.mcu.protocol.MessageBlock;

/** An encoded message waiting to be sent; pooled by the serial queue to avoid allocation. */
final class QueuedMessage {
    final byte[] msg = new byte[MessageBlock.MAX_PAYLOAD];
    int len;
    long minClock;
    long reqClock;
}
