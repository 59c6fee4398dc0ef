/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.probe.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.template.GCodeTemplate;
import org.klipper4j.core.api.template.TemplateEngine;
import org.klipper4j.core.api.mcu.PinParams;
import org.klipper4j.testkit.FakeConfig;
import org.klipper4j.testkit.FakeGCode;
import org.klipper4j.testkit.FakeMcu;
import org.klipper4j.testkit.FakePins;
import org.klipper4j.testkit.FakePrinter;

class ProbeEndstopWrapperTest {
    /** Templates that run their source as the G-code "run" lines. */
    private final List<String> ran = new ArrayList<>();
    private final FakePrinter printer = new FakePrinter();
    private final MovesToolhead toolhead = new MovesToolhead();
    private final List<RecordingEndstop> endstops = new ArrayList<>();

    private final class ScriptEngine implements TemplateEngine {
        @Override
        public GCodeTemplate loadTemplate(ConfigSection config, String option) {
            return createTemplate(option, config.get(option));
        }

        @Override
        public GCodeTemplate loadTemplate(ConfigSection config, String option, String defaultSource) {
            return createTemplate(option, config.get(option, defaultSource));
        }

        @Override
        public GCodeTemplate createTemplate(String name, String source) {
            return new GCodeTemplate() {
                @Override
                public Map<String, Object> createContext() {
                    return Map.of();
                }

                @Override
                public String render(Map<String, Object> context) {
                    return source;
                }

                @Override
                public void runGCodeFromCommand(Map<String, Object> context) {
                    if (!source.isEmpty()) {
                        ran.add(source);
                    }
                    if (source.equals("MOVE")) {
                        toolhead.manualMove(new double[] {Double.NaN, Double.NaN, 9.}, 5.);
                    }
                }
            };
        }
    }

    @BeforeEach
    void setUp() {
        FakePins pins = new FakePins();
        pins.registerChip("mcu", RecordingEndstop.chipWith(new FakeMcu(printer, "mcu"), endstops));
        printer.addObject("gcode", new FakeGCode());
        printer.addObject("toolhead", toolhead);
        printer.addObject("pins", pins);
        printer.addLoader(TemplateEngine.OBJECT_NAME, c -> new ScriptEngine());
    }

    private ProbeEndstopWrapper wrapper(String... options) {
        List<String> all = new ArrayList<>(List.of("pin", "PH6", "z_offset", "1.5"));
        all.addAll(List.of(options));
        return new ProbeEndstopWrapper(FakeConfig.of(printer, "probe", all.toArray(String[]::new)));
    }

    @Test
    void eachProbingMoveDeploysAndStowsWithTheTemplates() {
        ProbeEndstopWrapper w = wrapper("activate_gcode", "DEPLOY", "deactivate_gcode", "STOW");
        w.probePrepare(null);
        w.probeFinish(null);
        w.probePrepare(null);
        w.probeFinish(null);
        assertEquals(List.of("DEPLOY", "STOW", "DEPLOY", "STOW"), ran);
        assertEquals(1.5, w.getPositionEndstop());
    }

    @Test
    void withoutStowOnEachSampleAMultiProbeDeploysOnce() {
        ProbeEndstopWrapper w = wrapper("activate_gcode", "DEPLOY", "deactivate_gcode", "STOW",
                "deactivate_on_each_sample", "False");
        w.multiProbeBegin();
        for (int i = 0; i < 3; i++) {
            w.probePrepare(null);
            w.probeFinish(null);
        }
        w.multiProbeEnd();
        assertEquals(List.of("DEPLOY", "STOW"), ran);
    }

    @Test
    void aTemplateThatMovesTheToolheadIsAnError() {
        ProbeEndstopWrapper w = wrapper("activate_gcode", "MOVE");
        CommandError e = assertThrows(CommandError.class, () -> w.probePrepare(null));
        assertEquals("Toolhead moved during probe activate_gcode script", e.getMessage());
    }

    @Test
    void theVirtualEndstopPinTakesNoModifiers() {
        ProbeEndstopWrapper w = wrapper();
        HomingViaProbe homing = new HomingViaProbe(FakeConfig.of(printer, "probe"), w,
                new ProbeParameters(FakeConfig.of(printer, "probe")), 1.5);
        assertEquals(w, homing.setupPin("endstop", new PinParams("probe", "z_virtual_endstop", false, 0)));
        assertEquals("Can not pullup/invert probe virtual endstop", assertThrows(ConfigException.class,
                () -> homing.setupPin("endstop", new PinParams("probe", "z_virtual_endstop", true, 0))).getMessage());
        assertEquals("Probe virtual endstop only useful as endstop pin", assertThrows(ConfigException.class,
                () -> homing.setupPin("pwm", new PinParams("probe", "z_virtual_endstop", false, 0))).getMessage());
    }
}
