/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.tmc.internal;

import java.util.HashMap;
import java.util.Map;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.mcu.PinParams;
import org.klipper4j.core.api.mcu.Pins;

/**
 * Registers over single-wire UART (TMC2208, TMC2209): each write is verified by
 * the driver's interface counter IFCNT going up by one, with up to five tries.
 * In batch mode nothing is sent and reads give 0, as Klipper's debug output.
 */
final class TmcUartTransport implements TmcTransport {
    /** The UART wires of a printer by rx pin (Klipper keeps them in the pin's params). */
    static final class Registry {
        static final String NAME = "tmc_uart";
        final Map<String, TmcUartBus> byRxPin = new HashMap<>();

        static Registry of(Printer printer) {
            return printer.findObject(NAME, Registry.class).orElseGet(() -> {
                Registry r = new Registry();
                printer.addObject(NAME, r);
                return r;
            });
        }
    }

    private final String name;
    private final FieldHelper fields;
    private final TmcUartBus bus;
    private final int addr;
    private final double frequency;
    private Long ifcnt;

    TmcUartTransport(ConfigSection config, FieldHelper fields, int maxAddr, double frequency) {
        this.name = TmcSpiTransport.lastWord(config.getName());
        this.fields = fields;
        this.frequency = frequency;
        Printer printer = config.getPrinter();
        Pins pins = printer.lookupObject("pins", Pins.class);
        String rxDesc = config.get("uart_pin");
        PinParams rx = pins.lookupPin(rxDesc, false, true, "tmc_uart_rx");
        String txDesc = config.get("tx_pin", null);
        PinParams tx = txDesc == null ? rx : pins.lookupPin(txDesc, false, false, "tmc_uart_tx");
        if (!rx.chipName().equals(tx.chipName())) {
            throw new ConfigException("TMC uart rx and tx pins must be on the same mcu");
        }
        if (config.get("select_pins", null) != null) {
            throw config.error("select_pins (analog mux) is not supported yet in section '" + config.getName() + "'");
        }
        this.addr = config.getInt("uart_address", 0, 0, maxAddr);
        Registry registry = Registry.of(printer);
        String key = rx.chipName() + ":" + rx.pin();
        TmcUartBus b = registry.byRxPin.get(key);
        if (b == null) {
            String mcuName = "mcu".equals(rx.chipName()) ? "mcu" : "mcu " + rx.chipName();
            b = new TmcUartBus(printer.lookupObject(mcuName, Mcu.class), rx, tx);
            registry.byRxPin.put(key, b);
        } else if (!b.samePins(rx, tx)) {
            throw new ConfigException("Shared TMC uarts must use the same pins");
        }
        if (!b.claimAddress(addr)) {
            throw new ConfigException("Shared TMC uarts need unique address or select_pins polarity");
        }
        this.bus = b;
    }

    @Override
    public FieldHelper fields() {
        return fields;
    }

    @Override
    public Mcu mcu() {
        return bus.mcu();
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
        int a = address(reg);
        if (mcu().isFileoutput()) {
            return 0;
        }
        for (int retry = 0; retry < 5; retry++) {
            Long v = bus.read(addr, a);
            if (v != null) {
                return v;
            }
        }
        throw new CommandError("Unable to read tmc uart '" + name + "' register " + reg);
    }

    @Override
    public void setRegister(String reg, long value, Double printTime) {
        int a = address(reg);
        if (mcu().isFileoutput()) {
            return;
        }
        long minclock = printTime == null ? 0 : mcu().printTimeToClock(printTime);
        for (int retry = 0; retry < 5; retry++) {
            long before = ifcnt != null ? ifcnt : getRegister("IFCNT");
            ifcnt = before;
            bus.write(addr, a, value, minclock);
            ifcnt = getRegister("IFCNT");
            if (ifcnt == ((before + 1) & 0xff)) {
                return;
            }
        }
        throw new CommandError("Unable to write tmc uart '" + name + "' register " + reg);
    }

    @Override
    public Double tmcFrequency() {
        return frequency;
    }
}
