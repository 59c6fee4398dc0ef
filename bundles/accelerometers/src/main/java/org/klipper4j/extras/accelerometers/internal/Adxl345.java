/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.accelerometers.internal;

import java.util.Locale;
import java.util.Set;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.mcu.Buses;
import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.mcu.McuSpi;

/**
 * An ADXL345 accelerometer on SPI ({@code [adxl345]} or {@code [adxl345 name]}):
 * configures the SPI device (mode 3, 5 MHz by default) and the firmware's
 * adxl345 sampling object at connect, as Klipper does.
 */
public final class Adxl345 implements Accelerometer {
    private static final Set<Integer> RATES = Set.of(3200, 1600, 800, 400, 200, 100, 50, 25);
    private static final int SPI_MODE = 3;
    private static final int DEFAULT_SPI_SPEED = 5000000;
    /** Set on a register address to read it. */
    private static final int REG_MOD_READ = 0x80;

    private final String name;
    private final AxesMap axesMap;
    private final int rate;
    private final McuSpi spi;
    private final int oid;

    public Adxl345(ConfigSection config) {
        new AccelCommandHelper(config, this);
        this.name = Accelerometer.chipName(config);
        this.axesMap = AxesMap.fromConfig(config);
        this.rate = config.getInt("rate", 3200);
        if (!RATES.contains(rate)) {
            throw config.error("Invalid rate parameter: " + rate);
        }
        Buses buses = config.getPrinter().lookupObject("buses", Buses.class);
        this.spi = buses.spiFromConfig(config, SPI_MODE, "cs_pin", DEFAULT_SPI_SPEED);
        Mcu mcu = spi.getMcu();
        this.oid = mcu.createOid();
        mcu.addConfigCommand(String.format("config_adxl345 oid=%d spi_oid=%d", oid, spi.getOid()));
        // after a firmware restart the chip must not keep streaming
        mcu.addConfigCommand(String.format("query_adxl345 oid=%d rest_ticks=0", oid), false, true);
    }

    @Override
    public int readRegister(int reg) {
        byte[] response = spi.spiTransfer(new byte[] {(byte) (reg | REG_MOD_READ), 0}, 0, 0);
        return response[1] & 0xff;
    }

    @Override
    public void setRegister(int reg, int value) {
        spi.spiSend(new byte[] {(byte) reg, (byte) (value & 0xff)}, 0, 0);
        int stored = readRegister(reg);
        if (stored != value) {
            throw new CommandError(String.format(Locale.ROOT,
                    "Failed to set ADXL345 register [0x%x] to 0x%x: got 0x%x. This is generally indicative of"
                            + " connection problems (e.g. faulty wiring) or a faulty adxl345 chip.",
                    reg, value, stored));
        }
    }

    @Override
    public String chipName() {
        return name;
    }

    @Override
    public AxesMap axesMap() {
        return axesMap;
    }

    public int rate() {
        return rate;
    }

    public int oid() {
        return oid;
    }
}
