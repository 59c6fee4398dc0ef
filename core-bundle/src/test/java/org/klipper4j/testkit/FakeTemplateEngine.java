/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.testkit;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.core.api.template.GCodeTemplate;
import org.klipper4j.core.api.template.TemplateEngine;

/**
 * A stand-in for gcode_macro's engine: a template renders to its source text unchanged
 * and runs that text as G-code, so a test needs no template language.
 */
public final class FakeTemplateEngine implements TemplateEngine {
    private final GCodeDispatch gcode;
    /** The source of every template made, by its name (the config option for loaded ones). */
    public final Map<String, String> templates = new LinkedHashMap<>();

    /** Templates run their text on {@code gcode}. */
    public FakeTemplateEngine(GCodeDispatch gcode) {
        this.gcode = gcode;
    }

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
        templates.put(name, source);
        return new GCodeTemplate() {
            @Override
            public Map<String, Object> createContext() {
                return new HashMap<>();
            }

            @Override
            public String render(Map<String, Object> context) {
                return source;
            }

            @Override
            public void runGCodeFromCommand(Map<String, Object> context) {
                gcode.runScriptFromCommand(source);
            }
        };
    }
}
