/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.mcu;

/** An I2C device on an MCU (Klipper's MCU_I2C). */
public interface McuI2c {
    Mcu getMcu();

    int getOid();

    int getAddress();

    void i2cWrite(byte[] data, long minclock, long reqclock);

    /** Writes {@code register} then reads {@code readLength} bytes; waits for them. */
    byte[] i2cRead(byte[] register, int readLength);
}
