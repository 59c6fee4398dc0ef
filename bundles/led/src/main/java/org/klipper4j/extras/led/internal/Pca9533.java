/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.led.internal;

import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.core.api.mcu.Buses;
import org.klipper4j.core.api.mcu.McuI2c;

/**
 * {@code [pca9533 NAME]}: an I2C LED driver with four outputs, each off, on, or one of two
 * fixed PWM levels (a third and two thirds).
 */
final class Pca9533 implements StatusProvider {
    static final int DEFAULT_ADDRESS = 98;
    static final int DEFAULT_SPEED = 100000;
    private static final int PWM0 = 0b010;
    private static final int PWM1 = 0b100;
    private static final int LS0 = 0b101;
    /** Output selector by quarter of brightness: off, PWM0, PWM1, on, on. */
    private static final int[] LEVEL = {0, 2, 3, 1, 1};

    private final McuI2c i2c;
    private final LedHelper helper;

    Pca9533(ConfigSection config) {
        i2c = config.getPrinter().lookupObject("buses", Buses.class).i2cFromConfig(config, DEFAULT_ADDRESS,
                DEFAULT_SPEED);
        helper = new LedHelper(config, this::update, 1);
        i2c.i2cWrite(new byte[] {PWM0, 85}, 0, 0);
        i2c.i2cWrite(new byte[] {PWM1, (byte) 170}, 0, 0);
        config.getPrinter().registerEventHandler(PrinterEvents.CONNECT,
                args -> update(helper.getLedState(), null));
    }

    /** The LS0 register for a colour. */
    static int selector(double[] color) {
        int ls0 = 0;
        for (int i = 0; i < 4; i++) {
            ls0 |= LEVEL[(int) (color[i] * 4.)] << (2 * i);
        }
        return ls0;
    }

    private void update(List<double[]> state, Double printTime) {
        long minclock = printTime == null ? 0 : i2c.getMcu().printTimeToClock(printTime);
        i2c.i2cWrite(new byte[] {LS0, (byte) selector(state.get(0))}, minclock, Neopixel.BACKGROUND_PRIORITY_CLOCK);
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        return helper.getStatus(eventtime);
    }
}
