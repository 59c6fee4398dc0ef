/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.tmc.internal;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.mcu.Buses;
import org.klipper4j.core.api.mcu.Mcu;

/** Registers over SPI (TMC2130, TMC2240, TMC5160), with write verification and retries. */
final class TmcSpiTransport implements TmcTransport {
    static final int SPI_MODE = 3;
    static final int SPI_SPEED = 4000000;

    private final String name;
    private final FieldHelper fields;
    private final TmcSpiChain chain;
    private final int chainPos;
    private final double frequency;

    TmcSpiTransport(ConfigSection config, FieldHelper fields, double frequency) {
        this.name = lastWord(config.getName());
        this.fields = fields;
        this.frequency = frequency;
        int[] pos = new int[1];
        Buses buses = config.getPrinter().lookupObject("buses", Buses.class);
        this.chain = TmcSpiChain.lookup(config, pos,
                c -> buses.spiFromConfig(c, SPI_MODE, "cs_pin", SPI_SPEED));
        this.chainPos = pos[0];
    }

    static String lastWord(String s) {
        String[] parts = s.trim().split("\\s+");
        return parts[parts.length - 1];
    }

    @Override
    public FieldHelper fields() {
        return fields;
    }

    @Override
    public Mcu mcu() {
        return chain.spi().getMcu();
    }

    private int address(String reg) {
        Integer a = fields.map().address(reg);
        if (a == null) {
            throw new CommandError("Unknown register name '" + reg + "'");
        }
        return a;
    }

    @Override
    public long getRegister(String reg) {
        return chain.read(address(reg), chainPos, mcu().isFileoutput());
    }

    @Override
    public void setRegister(String reg, long value, Double printTime) {
        int addr = address(reg);
        long minclock = printTime == null ? 0 : mcu().printTimeToClock(printTime);
        for (int retry = 0; retry < 5; retry++) {
            long v = chain.write(addr, value, chainPos, minclock, mcu().isFileoutput());
            if (v == value) {
                return;
            }
        }
        throw new CommandError("Unable to write tmc spi '" + name + "' register " + reg);
    }

    @Override
    public Double tmcFrequency() {
        return frequency;
    }
}
