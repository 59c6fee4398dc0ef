/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.tmc.internal;

import java.util.ArrayList;
import java.util.List;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.mcu.McuSpi;

/**
 * One SPI device of 40-bit TMC datagrams, possibly a daisy chain of
 * {@code chain_length} drivers sharing a chip select: a datagram for position p
 * is padded with zero datagrams for the drivers before and after it.
 */
final class TmcSpiChain {
    private final McuSpi spi;
    private final int chainLength;
    final List<Integer> takenPositions = new ArrayList<>();

    TmcSpiChain(McuSpi spi, int chainLength) {
        this.spi = spi;
        this.chainLength = chainLength;
    }

    int chainLength() {
        return chainLength;
    }

    McuSpi spi() {
        return spi;
    }

    private byte[] buildCommand(byte[] datagram, int chainPos) {
        byte[] out = new byte[chainLength * 5];
        System.arraycopy(datagram, 0, out, (chainLength - chainPos) * 5, 5);
        return out;
    }

    private long extract(byte[] response, int chainPos) {
        int off = (chainLength - chainPos) * 5;
        if (response == null || response.length < off + 5) {
            return -1;
        }
        return ((response[off + 1] & 0xffL) << 24) | ((response[off + 2] & 0xffL) << 16)
                | ((response[off + 3] & 0xffL) << 8) | (response[off + 4] & 0xffL);
    }

    /** Reads a register: the first transfer selects it, the second returns its value. */
    long read(int reg, int chainPos, boolean batch) {
        byte[] cmd = buildCommand(new byte[] {(byte) reg, 0, 0, 0, 0}, chainPos);
        spi.spiSend(cmd, 0, 0);
        if (batch) {
            return 0;
        }
        return extract(spi.spiTransfer(cmd, 0, 0), chainPos);
    }

    /** Writes a register; returns the value read back (the written value when it cannot be read). */
    long write(int reg, long val, int chainPos, long minclock, boolean batch) {
        byte[] data = {(byte) (reg | 0x80), (byte) (val >>> 24), (byte) (val >>> 16), (byte) (val >>> 8), (byte) val};
        spi.spiSend(buildCommand(data, chainPos), minclock, 0);
        if (batch) {
            return val;
        }
        // the driver answers a datagram with the register selected by the previous one
        byte[] dummy = buildCommand(new byte[5], chainPos);
        return extract(spi.spiTransfer(dummy, minclock, 0), chainPos);
    }

    /** The chain for a section: its own device, or the shared one of its {@code cs_pin} for a daisy chain. */
    static TmcSpiChain lookup(ConfigSection config, int[] chainPosOut, SpiFactory factory) {
        Integer chainLen = config.getInt("chain_length", null, 2, null);
        if (chainLen == null) {
            chainPosOut[0] = 1;
            return new TmcSpiChain(factory.create(config), 1);
        }
        TmcSpiRegistry registry = TmcSpiRegistry.of(config.getPrinter());
        String csKey = config.get("cs_pin").trim();
        TmcSpiChain chain = registry.chains.get(csKey);
        if (chain == null) {
            chain = new TmcSpiChain(factory.create(config), chainLen);
            registry.chains.put(csKey, chain);
        }
        if (chainLen != chain.chainLength) {
            throw config.error("TMC SPI chain must have same length");
        }
        int pos = config.getInt("chain_position", null, 1, chainLen);
        if (chain.takenPositions.contains(pos)) {
            throw config.error("TMC SPI chain can not have duplicate position");
        }
        chain.takenPositions.add(pos);
        chainPosOut[0] = pos;
        return chain;
    }

    /** Makes the SPI device of a section (mode and speed are the family's). */
    interface SpiFactory {
        McuSpi create(ConfigSection config);
    }
}
