/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.mcu;

/** An SPI device on an MCU (Klipper's MCU_SPI), hardware or software SPI. */
public interface McuSpi {
    Mcu getMcu();

    int getOid();

    CommandQueue getCommandQueue();

    /** Sends without reading, scheduled at {@code minclock}. */
    void spiSend(byte[] data, long minclock, long reqclock);

    /** Sends and waits for the bytes read back. */
    byte[] spiTransfer(byte[] data, long minclock, long reqclock);
}
