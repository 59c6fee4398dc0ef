/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.led.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.core.api.mcu.Buses;
import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.mcu.McuSpi;
import org.klipper4j.core.api.mcu.PinParams;
import org.klipper4j.core.api.mcu.Pins;

/**
 * {@code [dotstar NAME]}: an APA102-style chain on a data and a clock pin, driven as a
 * software SPI bus: a zero start frame, one {0xff, blue, green, red} frame per LED and an
 * end frame of ones.
 */
final class Dotstar implements StatusProvider {
    static final int SPI_SPEED = 500000;
    private static final int MAX_SEND = 20;

    private final McuSpi spi;
    private final LedHelper helper;

    Dotstar(ConfigSection config) {
        Printer printer = config.getPrinter();
        Pins pins = printer.lookupObject("pins", Pins.class);
        PinParams data = pins.lookupPin(config.get("data_pin"), false, false, null);
        PinParams clock = pins.lookupPin(config.get("clock_pin"), false, false, null);
        if (!data.chipName().equals(clock.chipName())) {
            throw new ConfigException("Dotstar pins must be on same mcu");
        }
        Mcu mcu = printer.lookupObject("mcu".equals(data.chipName()) ? "mcu" : "mcu " + data.chipName(), Mcu.class);
        spi = printer.lookupObject("buses", Buses.class)
                .softwareSpiWithoutCs(mcu, data.pin(), data.pin(), clock.pin(), 0, SPI_SPEED);
        int chainCount = config.getInt("chain_count", 1, 1, null);
        helper = new LedHelper(config, this::update, chainCount);
        printer.registerEventHandler(PrinterEvents.CONNECT, args -> update(helper.getLedState(), null));
    }

    /** The whole chain's frames for that state. */
    static byte[] frames(List<double[]> state) {
        byte[] out = new byte[4 + 4 * state.size() + 4];
        int pos = 4;
        for (double[] c : state) {
            out[pos++] = (byte) 0xff;
            out[pos++] = toByte(c[2]);
            out[pos++] = toByte(c[1]);
            out[pos++] = toByte(c[0]);
        }
        Arrays.fill(out, pos, out.length, (byte) 0xff);
        return out;
    }

    private static byte toByte(double v) {
        return (byte) (int) (v * 255. + .5);
    }

    private void update(List<double[]> state, Double printTime) {
        long minclock = printTime == null ? 0 : spi.getMcu().printTimeToClock(printTime);
        byte[] data = frames(state);
        // in pieces the MCU's message size allows
        for (int start = 0; start < data.length; start += MAX_SEND) {
            spi.spiSend(Arrays.copyOfRange(data, start, Math.min(data.length, start + MAX_SEND)), minclock,
                    Neopixel.BACKGROUND_PRIORITY_CLOCK);
        }
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        return helper.getStatus(eventtime);
    }
}
