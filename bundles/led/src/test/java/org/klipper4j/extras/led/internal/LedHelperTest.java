/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.led.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.template.GCodeTemplate;
import org.klipper4j.core.api.template.TemplateEngine;
import org.klipper4j.testkit.FakeConfig;
import org.klipper4j.testkit.FakeGCode;
import org.klipper4j.testkit.FakePrinter;
import org.klipper4j.testkit.FakeToolhead;

/** SET_LED and SET_LED_TEMPLATE on a chain of two LEDs, with a recording transmitter. */
class LedHelperTest {
    private final FakePrinter printer = new FakePrinter();
    private final FakeGCode gcode = new FakeGCode();
    private final FakeToolhead toolhead = new FakeToolhead();
    private final List<String> sent = new ArrayList<>();
    private LedHelper helper;

    @BeforeEach
    void setUp() {
        printer.addObject("gcode", gcode);
        printer.addObject("toolhead", toolhead);
        printer.addObject(TemplateEngine.OBJECT_NAME, new EchoEngine());
        FakeConfig led = FakeConfig.of(printer, "neopixel strip", "initial_RED", "0.2");
        helper = new LedHelper(withTemplates(led), (state, time) -> sent.add(describe(state, time)), 2);
    }

    /** The section, seeing one {@code [display_template glow]} with {@code param_level: 0.5}. */
    private ConfigSection withTemplates(FakeConfig led) {
        FakeConfig glow = FakeConfig.of(printer, "display_template glow", "param_level", "0.5", "text", "level");
        return (ConfigSection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ConfigSection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getPrefixSections")) {
                        return List.of(glow);
                    }
                    return method.invoke(led, args);
                });
    }

    private static String describe(List<double[]> state, Double time) {
        StringBuilder sb = new StringBuilder(time == null ? "now" : "at " + time);
        for (double[] c : state) {
            sb.append(String.format(" %.2f/%.2f/%.2f/%.2f", c[0], c[1], c[2], c[3]));
        }
        return sb.toString();
    }

    @Test
    void initialColorAppliesToEveryLed() {
        assertArrayEquals(new double[] {0.2, 0, 0, 0}, helper.getLedState().get(1));
        assertEquals(List.of(List.of(0.2, 0., 0., 0.), List.of(0.2, 0., 0., 0.)),
                helper.getStatus(0).get("color_data"));
    }

    @Test
    void setLedTransmitsAtTheToolheadPrintTimeOnlyWhenChanged() {
        assertNull(gcode.run("SET_LED LED=strip RED=0.2"));
        assertEquals(List.of(), sent, "unchanged colour: nothing sent");
        assertNull(gcode.run("SET_LED LED=strip RED=0.3 TRANSMIT=0"));
        assertEquals(List.of(), sent);
        assertNull(gcode.run("SET_LED LED=strip GREEN=0.4 INDEX=2"));
        assertEquals(List.of("at 0.25 0.30/0.00/0.00/0.00 0.00/0.40/0.00/0.00"), sent);
        assertNull(gcode.run("SET_LED LED=strip BLUE=1 SYNC=0"));
        assertEquals("now 0.00/0.00/1.00/0.00 0.00/0.00/1.00/0.00", sent.get(1));
    }

    @Test
    void setLedChecksItsParameters() {
        assertEquals("Error on 'SET_LED LED=strip RED=2': RED must have maximum of 1.0",
                gcode.run("SET_LED LED=strip RED=2"));
        assertTrue(gcode.run("SET_LED LED=strip INDEX=3").contains("INDEX must have maximum of 2"));
    }

    @Test
    void templateRendersEveryHalfSecondWithItsParameters() {
        assertNull(gcode.run("SET_LED_TEMPLATE LED=strip TEMPLATE=glow INDEX=1 PARAM_LEVEL=0.75"));
        printer.reactor().runDue();
        assertEquals(List.of("now 0.75/0.50/0.00/0.00 0.20/0.00/0.00/0.00"), sent);
        assertNull(gcode.run("SET_LED_TEMPLATE LED=strip TEMPLATE="));
        printer.reactor().runFor(1.);
        assertEquals(1, sent.size(), "no render once the template is removed");
    }

    @Test
    void templateErrorsAreKlippers() {
        assertTrue(gcode.run("SET_LED_TEMPLATE LED=strip TEMPLATE=nope").contains("Unknown display_template 'nope'"));
        assertTrue(gcode.run("SET_LED_TEMPLATE LED=strip TEMPLATE=glow PARAM_OTHER=1")
                .contains("Invalid display_template parameter: param_other"));
        assertTrue(gcode.run("SET_LED_TEMPLATE LED=strip TEMPLATE=glow PARAM_LEVEL=abc")
                .contains("Unable to parse 'abc' as a literal"));
    }

    /** Renders "LEVEL, 0.5": the template's param_level, then a constant. */
    private static final class EchoEngine implements TemplateEngine {
        @Override
        public GCodeTemplate loadTemplate(ConfigSection config, String option) {
            return createTemplate(config.getName(), config.get(option));
        }

        @Override
        public GCodeTemplate loadTemplate(ConfigSection config, String option, String defaultSource) {
            return createTemplate(config.getName(), config.get(option, defaultSource));
        }

        @Override
        public GCodeTemplate createTemplate(String name, String source) {
            return new GCodeTemplate() {
                @Override
                public Map<String, Object> createContext() {
                    return new HashMap<>();
                }

                @Override
                public String render(Map<String, Object> context) {
                    return context.get("param_level") + ", 0.5";
                }

                @Override
                public void runGCodeFromCommand(Map<String, Object> context) {
                }
            };
        }
    }
}
