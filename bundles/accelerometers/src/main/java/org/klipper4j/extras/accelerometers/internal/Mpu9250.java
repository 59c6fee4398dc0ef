/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.accelerometers.internal;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.mcu.Buses;
import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.mcu.McuI2c;

/**
 * An MPU-9250 family accelerometer on I2C ({@code [mpu9250]} or
 * {@code [mpu9250 name]}): the I2C device (address 0x68, 400 kHz by default)
 * and the firmware's mpu9250 sampling object, configured after the bus as in
 * Klipper.
 */
public final class Mpu9250 implements Accelerometer {
    private static final int DEFAULT_ADDRESS = 0x68;
    private static final int DEFAULT_SPEED = 400000;
    /** The only output rate Klipper offers for these chips. */
    private static final int RATE = 4000;

    private final String name;
    private final AxesMap axesMap;
    private final McuI2c i2c;
    private final Mcu mcu;
    private final int oid;

    public Mpu9250(ConfigSection config) {
        new AccelCommandHelper(config, this);
        this.name = Accelerometer.chipName(config);
        this.axesMap = AxesMap.fromConfig(config);
        int rate = config.getInt("rate", RATE);
        if (rate != RATE) {
            throw config.error("Invalid rate parameter: " + rate);
        }
        Buses buses = config.getPrinter().lookupObject("buses", Buses.class);
        this.i2c = buses.i2cFromConfig(config, DEFAULT_ADDRESS, DEFAULT_SPEED);
        this.mcu = i2c.getMcu();
        this.oid = mcu.createOid();
        mcu.registerConfigCallback(this::buildConfig);
    }

    private void buildConfig() {
        mcu.addConfigCommand(String.format("config_mpu9250 oid=%d i2c_oid=%d", oid, i2c.getOid()));
        // after a firmware restart the chip must not keep streaming
        mcu.addConfigCommand(String.format("query_mpu9250 oid=%d rest_ticks=0", oid), false, true);
    }

    @Override
    public int readRegister(int reg) {
        return i2c.i2cRead(new byte[] {(byte) reg}, 1)[0] & 0xff;
    }

    @Override
    public void setRegister(int reg, int value) {
        i2c.i2cWrite(new byte[] {(byte) reg, (byte) (value & 0xff)}, 0, 0);
    }

    @Override
    public String chipName() {
        return name;
    }

    @Override
    public AxesMap axesMap() {
        return axesMap;
    }

    public int oid() {
        return oid;
    }
}
