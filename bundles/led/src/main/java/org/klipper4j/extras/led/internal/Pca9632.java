/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.led.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.core.api.mcu.Buses;
import org.klipper4j.core.api.mcu.McuI2c;

/**
 * {@code [pca9632 NAME]}: an I2C LED driver with four PWM outputs. Registers are written
 * only when their value changes.
 */
final class Pca9632 implements StatusProvider {
    private static final int MODE1 = 0x00;
    private static final int MODE2 = 0x01;
    private static final int PWM0 = 0x02;
    private static final int LEDOUT = 0x08;
    private static final int LED_PWM = 0x02;

    private final McuI2c i2c;
    private final int[] colorMap = new int[4];
    private final Map<Integer, Integer> previous = new HashMap<>();
    private final LedHelper helper;

    Pca9632(ConfigSection config) {
        i2c = config.getPrinter().lookupObject("buses", Buses.class).i2cFromConfig(config,
                Pca9533.DEFAULT_ADDRESS, Pca9533.DEFAULT_SPEED);
        String order = config.get("color_order", "RGBW");
        char[] sorted = order.toCharArray();
        Arrays.sort(sorted);
        if (!new String(sorted).equals("BGRW")) {
            throw new ConfigException("Invalid color_order '" + order + "'");
        }
        for (int i = 0; i < 4; i++) {
            colorMap[i] = "RGBW".indexOf(order.charAt(i));
        }
        helper = new LedHelper(config, this::update, 1);
        config.getPrinter().registerEventHandler(PrinterEvents.CONNECT, args -> {
            regWrite(MODE1, 0x00, 0);
            // dimming, not inverted, change on stop, totem pole outputs
            regWrite(MODE2, 0x15, 0);
            update(helper.getLedState(), null);
        });
    }

    private void regWrite(int reg, int value, long minclock) {
        Integer old = previous.get(reg);
        if (old != null && old == value) {
            return;
        }
        previous.put(reg, value);
        i2c.i2cWrite(new byte[] {(byte) reg, (byte) value}, minclock, Neopixel.BACKGROUND_PRIORITY_CLOCK);
    }

    private void update(List<double[]> state, Double printTime) {
        long minclock = printTime == null ? 0 : i2c.getMcu().printTimeToClock(printTime);
        double[] color = state.get(0);
        int ledout = 0;
        for (int led = 0; led < 4; led++) {
            int value = (int) (color[colorMap[led]] * 255. + .5);
            regWrite(PWM0 + led, value, minclock);
            if (value != 0) {
                ledout |= LED_PWM << (2 * led);
            }
        }
        regWrite(LEDOUT, ledout, minclock);
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        return helper.getStatus(eventtime);
    }
}
