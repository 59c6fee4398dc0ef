/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.tmc.internal;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.mcu.McuQueryCommand;
import org.klipper4j.core.api.mcu.PinParams;

/**
 * One bit-banged single-wire TMC UART on an MCU ({@code config_tmcuart}), shared by
 * the drivers on the wire (each at its own {@code uart_address}).
 */
final class TmcUartBus {
    static final int BAUD = 40000;
    static final int BAUD_AVR = 9000;

    private final Mcu mcu;
    private final PinParams rx;
    private final PinParams tx;
    private final int oid;
    private final Set<Integer> addresses = new HashSet<>();
    private McuQueryCommand sendCmd;

    TmcUartBus(Mcu mcu, PinParams rx, PinParams tx) {
        this.mcu = mcu;
        this.rx = rx;
        this.tx = tx;
        this.oid = mcu.createOid();
        mcu.registerConfigCallback(this::buildConfig);
    }

    private void buildConfig() {
        Object type = mcu.getConstants().getOrDefault("MCU", "");
        String mcuType = String.valueOf(type);
        int baud = mcuType.startsWith("atmega") || mcuType.startsWith("at90usb") ? BAUD_AVR : BAUD;
        long bitTicks = mcu.secondsToClock(1. / baud);
        mcu.addConfigCommand(String.format("config_tmcuart oid=%d rx_pin=%s pull_up=%d tx_pin=%s bit_time=%d",
                oid, rx.pin(), rx.pullup(), tx.pin(), bitTicks));
        sendCmd = mcu.lookupQueryCommand("tmcuart_send oid=%c write=%*s read=%c",
                "tmcuart_response oid=%c read=%*s", oid, mcu.allocCommandQueue(), true);
    }

    Mcu mcu() {
        return mcu;
    }

    boolean samePins(PinParams otherRx, PinParams otherTx) {
        return otherRx.pin().equals(rx.pin()) && otherTx.pin().equals(tx.pin());
    }

    /** Claims an address on the wire; false if another driver has it. */
    boolean claimAddress(int addr) {
        return addresses.add(addr);
    }

    /** Reads a register; null when no valid reply came. */
    Long read(int addr, int reg) {
        byte[] msg = TmcUartCodec.encodeRead(0xf5, addr, reg);
        Map<String, Object> r = sendCmd.send(oid, msg, 10);
        return TmcUartCodec.decodeRead(reg, (byte[]) r.get("read"));
    }

    void write(int addr, int reg, long val, long minclock) {
        byte[] msg = TmcUartCodec.encodeWrite(0xf5, addr, reg | 0x80, val);
        sendCmd.sendScheduled(minclock, 0, oid, msg, 0);
    }
}
