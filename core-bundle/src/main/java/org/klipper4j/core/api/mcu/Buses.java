/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.mcu;

import org.klipper4j.core.api.ConfigSection;

/**
 * Makes bus devices from a section's options, as Klipper's bus helpers:
 * {@code cs_pin}, {@code spi_speed}, {@code spi_bus} or {@code spi_software_*_pin};
 * {@code i2c_address}, {@code i2c_mcu}, {@code i2c_bus}, {@code i2c_speed}.
 * Registered in the printer as {@code "buses"}.
 */
public interface Buses {
    McuSpi spiFromConfig(ConfigSection config, int mode, String csPinOption, int defaultSpeed);

    McuI2c i2cFromConfig(ConfigSection config, int defaultAddress, int defaultSpeed);

    /**
     * A software SPI device without chip select on the given pins of one MCU (as dotstar
     * LEDs use: data on miso and mosi, clock on sclk).
     */
    default McuSpi softwareSpiWithoutCs(Mcu mcu, String misoPin, String mosiPin, String sclkPin, int mode,
            int speed) {
        throw new UnsupportedOperationException("softwareSpiWithoutCs");
    }
}
