/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.serial;

/** Receives the content of each data block the MCU sends. */
@FunctionalInterface
public interface ReceiveListener {
    /**
     * @param block       the whole block (header and trailer included); valid during the call only
     * @param sentTime    when the block it answers was sent, 0 if unknown (after a retransmit)
     * @param receiveTime when it arrived
     */
    void onData(byte[] block, int off, int len, double sentTime, double receiveTime);
}
