/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.led.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.core.api.mcu.CommandQueue;
import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.mcu.McuCommand;
import org.klipper4j.core.api.mcu.McuQueryCommand;
import org.klipper4j.core.api.mcu.PinParams;
import org.klipper4j.core.api.mcu.Pins;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code [neopixel NAME]}: a WS2812-style chain on one pin. Only the bytes that changed are
 * sent ({@code neopixel_update}), then the MCU is told to show them ({@code neopixel_send}).
 */
final class Neopixel implements StatusProvider {
    static final long BACKGROUND_PRIORITY_CLOCK = 0x7fffffff00000000L;
    static final double BIT_MAX_TIME = .000004;
    static final double RESET_MIN_TIME = .000050;
    static final int MAX_MCU_SIZE = 500;
    private static final Logger LOG = LoggerFactory.getLogger(Neopixel.class);

    private final Printer printer;
    private final Mcu mcu;
    private final int oid;
    private final String pin;
    private final List<String> colorOrders;
    private final byte[] colorData;
    private final byte[] oldColorData;
    private final LedHelper helper;
    private McuCommand updateCmd;
    private McuQueryCommand sendCmd;

    Neopixel(ConfigSection config) {
        printer = config.getPrinter();
        PinParams params = printer.lookupObject("pins", Pins.class).lookupPin(config.get("pin"), false, false, null);
        mcu = printer.lookupObject("mcu".equals(params.chipName()) ? "mcu" : "mcu " + params.chipName(), Mcu.class);
        oid = mcu.createOid();
        pin = params.pin();
        mcu.registerConfigCallback(this::buildConfig);
        int chainCount = config.getInt("chain_count", 1, 1, null);
        colorOrders = colorOrders(config, chainCount);
        int size = colorOrders.stream().mapToInt(String::length).sum();
        if (size > MAX_MCU_SIZE) {
            throw new ConfigException("neopixel chain too long");
        }
        colorData = new byte[size];
        oldColorData = new byte[size];
        helper = new LedHelper(config, this::update, chainCount);
        fillColorData(helper.getLedState());
        // differs in every byte, so the first transmit sends the whole chain
        for (int i = 0; i < size; i++) {
            oldColorData[i] = (byte) (colorData[i] ^ 1);
        }
        printer.registerEventHandler(PrinterEvents.CONNECT, args -> sendData(null));
    }

    private static List<String> colorOrders(ConfigSection config, int chainCount) {
        List<String> orders = config.getList("color_order", List.of("GRB"), ",");
        for (String order : orders) {
            char[] sorted = order.toCharArray();
            Arrays.sort(sorted);
            String key = new String(sorted);
            if (!key.equals("BGR") && !key.equals("BGRW")) {
                throw new ConfigException("Invalid color_order '" + order + "'");
            }
        }
        if (orders.size() > 1 && orders.size() != chainCount) {
            throw new ConfigException("color_order does not match chain_count");
        }
        List<String> perLed = new ArrayList<>();
        for (int i = 0; i < chainCount; i++) {
            perLed.add(orders.size() == 1 ? orders.get(0) : orders.get(i));
        }
        return perLed;
    }

    private void buildConfig() {
        mcu.addConfigCommand(String.format("config_neopixel oid=%d pin=%s data_size=%d bit_max_ticks=%d"
                + " reset_min_ticks=%d", oid, pin, colorData.length, mcu.secondsToClock(BIT_MAX_TIME),
                mcu.secondsToClock(RESET_MIN_TIME)));
        CommandQueue queue = mcu.allocCommandQueue();
        updateCmd = mcu.lookupCommand("neopixel_update oid=%c pos=%hu data=%*s", queue);
        sendCmd = mcu.lookupQueryCommand("neopixel_send oid=%c", "neopixel_result oid=%c success=%c", oid, queue,
                false);
    }

    private void fillColorData(List<double[]> state) {
        int pos = 0;
        for (int led = 0; led < state.size(); led++) {
            double[] c = state.get(led);
            for (char ch : colorOrders.get(led).toCharArray()) {
                colorData[pos++] = (byte) (int) (c["RGBW".indexOf(ch)] * 255. + .5);
            }
        }
    }

    private void update(List<double[]> state, Double printTime) {
        fillColorData(state);
        sendData(printTime);
    }

    private void sendData(Double printTime) {
        if (Arrays.equals(colorData, oldColorData)) {
            return;
        }
        for (int[] run : ChangedRuns.find(oldColorData, colorData)) {
            updateCmd.sendScheduled(0, BACKGROUND_PRIORITY_CLOCK, oid, run[0],
                    Arrays.copyOfRange(colorData, run[0], run[0] + run[1]));
        }
        System.arraycopy(colorData, 0, oldColorData, 0, colorData.length);
        if (mcu.isFileoutput()) {
            // batch output has no MCU to answer the query
            return;
        }
        long minclock = printTime == null ? 0 : mcu.printTimeToClock(printTime);
        for (int i = 0; i < 8; i++) {
            Map<String, Object> result = sendCmd.sendScheduled(minclock, BACKGROUND_PRIORITY_CLOCK, oid);
            Object success = result == null ? null : result.get("success");
            if (success instanceof Number n && n.intValue() != 0) {
                return;
            }
        }
        LOG.info("Neopixel update did not succeed");
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        return helper.getStatus(eventtime);
    }
}
