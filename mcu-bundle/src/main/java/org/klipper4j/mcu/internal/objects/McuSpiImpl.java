/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.objects;

import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.mcu.CommandQueue;
import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.mcu.McuCommand;
import org.klipper4j.core.api.mcu.McuQueryCommand;
import org.klipper4j.core.api.mcu.McuSpi;

/** An SPI device (Klipper's MCU_SPI): hardware bus by name, or software SPI on three pins. */
public final class McuSpiImpl implements McuSpi {
    static final String SW_BUS_FORMAT =
            "spi_set_sw_bus oid=%c miso_pin=%u mosi_pin=%u sclk_pin=%u mode=%u pulse_ticks=%u";

    private final Mcu mcu;
    private final String bus;
    private final int mode;
    private final int speed;
    private final List<String> softwarePins;
    private final int oid;
    private final CommandQueue queue;
    private McuCommand sendCmd;
    private McuQueryCommand transferCmd;

    /**
     * @param bus          the {@code spi_bus} name, or null for the MCU's default bus
     * @param csPin        the chip-select pin, or null for a device without one
     * @param softwarePins miso, mosi, sclk pins for software SPI, or null for a hardware bus
     */
    public McuSpiImpl(Mcu mcu, String bus, String csPin, int mode, int speed, List<String> softwarePins,
            boolean csActiveHigh) {
        this.mcu = mcu;
        this.bus = bus;
        this.mode = mode;
        this.speed = speed;
        this.softwarePins = softwarePins == null ? null : List.copyOf(softwarePins);
        // Every CS pin is configured (and driven inactive) before any bus is set up.
        this.oid = mcu.createOid();
        if (csPin == null) {
            mcu.addConfigCommand(String.format("config_spi_without_cs oid=%d", oid));
        } else {
            mcu.addConfigCommand(String.format("config_spi oid=%d pin=%s cs_active_high=%d", oid, csPin,
                    McuLimits.bit(csActiveHigh)));
        }
        this.queue = mcu.allocCommandQueue();
        mcu.registerConfigCallback(this::buildConfig);
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
        return queue;
    }

    private void buildConfig() {
        if (softwarePins != null) {
            mcu.addConfigCommand(softwareBusCommand());
        } else {
            mcu.addConfigCommand(String.format("spi_set_bus oid=%d spi_bus=%s mode=%d rate=%d", oid,
                    BusNames.resolve(mcu, "spi_bus", bus), mode, speed));
        }
        sendCmd = mcu.lookupCommand("spi_send oid=%c data=%*s", queue);
        transferCmd = mcu.lookupQueryCommand("spi_transfer oid=%c data=%*s",
                "spi_transfer_response oid=%c response=%*s", oid, queue, false);
    }

    private String softwareBusCommand() {
        if (!mcu.hasCommand(SW_BUS_FORMAT) && mcu.hasCommand(
                "spi_set_software_bus oid=%c miso_pin=%u mosi_pin=%u sclk_pin=%u mode=%u rate=%u")) {
            // Firmware from before pulse_ticks took the rate itself.
            return String.format("spi_set_software_bus oid=%d miso_pin=%s mosi_pin=%s sclk_pin=%s mode=%d rate=%d",
                    oid, softwarePins.get(0), softwarePins.get(1), softwarePins.get(2), mode, speed);
        }
        long pulseTicks = mcu.secondsToClock(1.0 / speed);
        return String.format("spi_set_sw_bus oid=%d miso_pin=%s mosi_pin=%s sclk_pin=%s mode=%d pulse_ticks=%d",
                oid, softwarePins.get(0), softwarePins.get(1), softwarePins.get(2), mode, pulseTicks);
    }

    @Override
    public void spiSend(byte[] data, long minclock, long reqclock) {
        if (sendCmd == null) {
            // Before the config is built: the data goes out with the MCU's init commands.
            mcu.addConfigCommand(String.format("spi_send oid=%d data=%s", oid, McuLimits.hex(data)), true, false);
            return;
        }
        sendCmd.sendScheduled(minclock, reqclock, oid, data);
    }

    @Override
    public byte[] spiTransfer(byte[] data, long minclock, long reqclock) {
        Map<String, Object> params = transferCmd.sendScheduled(minclock, reqclock, oid, data);
        return McuAdcImpl.bytesOf(params.get("response"));
    }
}
