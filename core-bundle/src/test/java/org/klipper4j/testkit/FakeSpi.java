/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.testkit;

import java.util.ArrayList;
import java.util.List;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.mcu.Buses;
import org.klipper4j.core.api.mcu.CommandQueue;
import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.mcu.McuI2c;
import org.klipper4j.core.api.mcu.McuSpi;

/**
 * A bus factory whose SPI devices record what is sent (all devices into one list);
 * each device takes the next oid of the MCU. The fields describe the last device made.
 */
public final class FakeSpi implements Buses {
    private final FakeMcu mcu;
    public int mode = -1;
    public String csPinOption;
    public int speed;
    public String csPin;
    public final List<byte[]> sent = new ArrayList<>();

    public FakeSpi(FakeMcu mcu) {
        this.mcu = mcu;
    }

    @Override
    public McuSpi spiFromConfig(ConfigSection config, int mode, String csPinOption, int defaultSpeed) {
        this.mode = mode;
        this.csPinOption = csPinOption;
        this.speed = config.getInt("spi_speed", defaultSpeed);
        this.csPin = config.get(csPinOption);
        return new Device(mcu.createOid());
    }

    @Override
    public McuI2c i2cFromConfig(ConfigSection config, int defaultAddress, int defaultSpeed) {
        throw new UnsupportedOperationException();
    }

    /** One SPI device. */
    private final class Device implements McuSpi {
        private final int oid;

        Device(int oid) {
            this.oid = oid;
        }

        @Override
        public Mcu getMcu() {
            return mcu;
        }

        @Override
        public int getOid() {
            return oid;
        }

        @Override
        public CommandQueue getCommandQueue() {
            return null;
        }

        @Override
        public void spiSend(byte[] data, long minclock, long reqclock) {
            sent.add(data.clone());
        }

        @Override
        public byte[] spiTransfer(byte[] data, long minclock, long reqclock) {
            throw new UnsupportedOperationException();
        }
    }
}
