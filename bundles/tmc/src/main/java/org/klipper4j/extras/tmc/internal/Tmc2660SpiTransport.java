/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.tmc.internal;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.mcu.Buses;
import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.mcu.McuSpi;

/**
 * The TMC2660's 20-bit SPI: the register address sits in the top bits of each
 * 3-byte datagram, and reads come back with every write, selected by DRVCONF's RDSEL.
 */
final class Tmc2660SpiTransport implements TmcTransport {
    private final FieldHelper fields;
    private final McuSpi spi;

    Tmc2660SpiTransport(ConfigSection config, FieldHelper fields) {
        this.fields = fields;
        Buses buses = config.getPrinter().lookupObject("buses", Buses.class);
        this.spi = buses.spiFromConfig(config, 0, "cs_pin", TmcSpiTransport.SPI_SPEED);
    }

    @Override
    public FieldHelper fields() {
        return fields;
    }

    @Override
    public Mcu mcu() {
        return spi.getMcu();
    }

    private static byte[] datagram(int reg, long val) {
        return new byte[] {(byte) ((val >>> 16) | reg), (byte) (val >>> 8), (byte) val};
    }

    @Override
    public long getRegister(String reg) {
        int rdsel = fields.map().readRegisters().indexOf(reg);
        if (mcu().isFileoutput()) {
            return 0;
        }
        long old = fields.getField("rdsel");
        long val = fields.setField("rdsel", rdsel);
        byte[] msg = datagram(fields.map().address("DRVCONF"), val);
        if (old != rdsel) {
            // the new RDSEL takes effect with the next datagram
            spi.spiSend(msg, 0, 0);
        }
        byte[] r = spi.spiTransfer(msg, 0, 0);
        return ((r[0] & 0xffL) << 16) | ((r[1] & 0xffL) << 8) | (r[2] & 0xffL);
    }

    @Override
    public void setRegister(String reg, long value, Double printTime) {
        long minclock = printTime == null ? 0 : mcu().printTimeToClock(printTime);
        spi.spiSend(datagram(fields.map().address(reg), value), minclock, 0);
    }

    @Override
    public Double tmcFrequency() {
        return null;
    }
}
