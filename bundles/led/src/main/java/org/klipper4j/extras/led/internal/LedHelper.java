/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.led.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.core.api.motion.Toolhead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every LED section shares, as Klipper's LEDHelper: the colour state of the chain,
 * the initial colour options, SET_LED and SET_LED_TEMPLATE, and transmitting only when
 * the colours changed.
 */
final class LedHelper implements StatusProvider {
    static final String SET_LED_HELP = "Set the color of an LED";
    static final String SET_LED_TEMPLATE_HELP = "Assign a display_template to an LED";
    private static final Logger LOG = LoggerFactory.getLogger(LedHelper.class);
    private static final Bounds UNIT = Bounds.range(0., 1.);

    private final Printer printer;
    private final LedTransmitter transmitter;
    private final int ledCount;
    private final TemplateEvaluator templateEvaluator;
    private final List<Consumer<String>> templateCallbacks = new ArrayList<>();
    /** One object for all LEDs of the chain, so a render transmits the chain once. */
    private final Runnable templateFlush = () -> checkTransmit(null);
    private List<double[]> ledState;
    private boolean needTransmit;

    LedHelper(ConfigSection config, LedTransmitter transmitter, int ledCount) {
        this.printer = config.getPrinter();
        this.transmitter = transmitter;
        this.ledCount = ledCount;
        double[] initial = new double[4];
        String[] names = {"RED", "GREEN", "BLUE", "WHITE"};
        for (int i = 0; i < 4; i++) {
            initial[i] = config.getFloat("initial_" + names[i], 0., UNIT);
        }
        ledState = Collections.nCopies(ledCount, initial);
        templateEvaluator = TemplateEvaluator.lookup(config);
        for (int i = 0; i < ledCount; i++) {
            int index = i + 1;
            templateCallbacks.add(text -> templateUpdate(index, text));
        }
        String name = lastWord(config.getName());
        GCodeDispatch gcode = printer.lookupObject("gcode", GCodeDispatch.class);
        gcode.registerMuxCommand("SET_LED", "LED", name, this::cmdSetLed, SET_LED_HELP);
        gcode.registerMuxCommand("SET_LED_TEMPLATE", "LED", name, this::cmdSetLedTemplate, SET_LED_TEMPLATE_HELP);
    }

    static String lastWord(String sectionName) {
        String[] parts = sectionName.trim().split("\\s+");
        return parts[parts.length - 1];
    }

    /** The current colours, one {r, g, b, w} per LED. */
    List<double[]> getLedState() {
        return ledState;
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        List<Object> colors = new ArrayList<>();
        for (double[] c : ledState) {
            colors.add(List.of(c[0], c[1], c[2], c[3]));
        }
        return Map.of("color_data", colors);
    }

    /** Sets one LED (index from 1) or, with a null index, all of them. */
    void setColor(Integer index, double[] color) {
        List<double[]> next;
        if (index == null) {
            next = Collections.nCopies(ledCount, color);
            if (sameColors(ledState, next)) {
                return;
            }
        } else {
            if (Arrays.equals(ledState.get(index - 1), color)) {
                return;
            }
            next = new ArrayList<>(ledState);
            next.set(index - 1, color);
        }
        ledState = next;
        needTransmit = true;
    }

    private static boolean sameColors(List<double[]> a, List<double[]> b) {
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** A template's text "r, g, b, w": values clamped to 0..1, missing ones are 0. */
    private void templateUpdate(int index, String text) {
        double[] parts = new double[4];
        try {
            String[] fields = text.split(",", 5);
            if (fields.length > 4) {
                throw new NumberFormatException("too many values");
            }
            for (int i = 0; i < fields.length; i++) {
                parts[i] = Math.max(0., Math.min(1., Double.parseDouble(fields[i].trim())));
            }
        } catch (NumberFormatException e) {
            LOG.warn("led template render error: '{}'", text);
            parts = new double[4];
        }
        setColor(index, parts);
    }

    /** Transmits the state if it changed since the last transmit. */
    void checkTransmit(Double printTime) {
        if (!needTransmit) {
            return;
        }
        needTransmit = false;
        try {
            transmitter.update(ledState, printTime);
        } catch (CommandError e) {
            LOG.warn("led update transmit error: {}", e.getMessage());
        }
    }

    private void cmdSetLed(GCodeCommand cmd) {
        double[] color = {
            cmd.getFloat("RED", 0., UNIT), cmd.getFloat("GREEN", 0., UNIT),
            cmd.getFloat("BLUE", 0., UNIT), cmd.getFloat("WHITE", 0., UNIT)};
        Integer index = cmd.getInt("INDEX", null, 1, ledCount);
        boolean transmit = cmd.getInt("TRANSMIT", 1) != 0;
        boolean sync = cmd.getInt("SYNC", 1) != 0;
        java.util.function.DoubleConsumer atPrintTime = printTime -> apply(index, color, transmit, printTime);
        if (sync) {
            // in step with the moves queued before it
            printer.lookupObject("toolhead", Toolhead.class).registerLookaheadCallback(atPrintTime);
        } else {
            // at once, without waking the toolhead (and so idle_timeout)
            apply(index, color, transmit, null);
        }
    }

    private void apply(Integer index, double[] color, boolean transmit, Double printTime) {
        setColor(index, color);
        if (transmit) {
            checkTransmit(printTime);
        }
    }

    private void cmdSetLedTemplate(GCodeCommand cmd) {
        Integer index = cmd.getInt("INDEX", null, 1, ledCount);
        if (index != null) {
            templateEvaluator.setTemplate(cmd, templateCallbacks.get(index - 1), templateFlush);
        } else {
            for (Consumer<String> callback : templateCallbacks) {
                templateEvaluator.setTemplate(cmd, callback, templateFlush);
            }
        }
    }

}
