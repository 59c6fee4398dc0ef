/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualmcu.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The registers of one simulated TMC22xx driver: writes are kept and read back, IFCNT
 * counts successful writes, GSTAT bits clear when written with 1, IOIN reports the chip version.
 */
public final class TmcRegisters {
    static final int GSTAT = 0x01;
    static final int IFCNT = 0x02;
    static final int IOIN = 0x06;
    /** TMC2209 version in IOIN bits 24..31. */
    private static final long VERSION_2209 = 0x21L << 24;

    private final Map<Integer, Long> values = new HashMap<>();
    private final List<String> writeLog = new ArrayList<>();
    private int writeCount;

    public synchronized void write(int reg, long value) {
        writeCount = (writeCount + 1) & 0xff;
        writeLog.add(String.format("%02x=%08x", reg, value & 0xffffffffL));
        if (reg == GSTAT) {
            values.put(reg, read(reg) & ~value);
        } else if (reg != IFCNT && reg != IOIN) {
            values.put(reg, value & 0xffffffffL);
        }
    }

    /** Every write so far as {@code "rr=vvvvvvvv"} (register and value in hex), oldest first. */
    public synchronized List<String> writeLog() {
        return new ArrayList<>(writeLog);
    }

    public synchronized long read(int reg) {
        if (reg == IFCNT) {
            return writeCount;
        }
        if (reg == IOIN) {
            return VERSION_2209;
        }
        return values.getOrDefault(reg, 0L);
    }
}
