/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.led.internal;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.template.GCodeTemplate;
import org.klipper4j.core.api.template.TemplateEngine;

/**
 * A {@code [display_template NAME]}: a {@code text} template and {@code param_*} defaults,
 * rendered with the printer's status plus the parameters.
 */
final class DisplayTemplate {
    private final Map<String, Object> params = new LinkedHashMap<>();
    private final GCodeTemplate text;

    DisplayTemplate(ConfigSection config, TemplateEngine engine) {
        for (String option : config.getOptionNames()) {
            if (!option.startsWith("param_")) {
                continue;
            }
            String value = config.get(option);
            try {
                params.put(option, PythonLiteral.parse(value));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("Option '" + option + "' in section '" + config.getName()
                        + "' is not a valid literal");
            }
        }
        text = engine.loadTemplate(config, "text");
    }

    /** The default parameters, by option name ({@code param_*}). */
    Map<String, Object> getParams() {
        return Collections.unmodifiableMap(params);
    }

    Map<String, Object> createContext() {
        return text.createContext();
    }

    /** Renders with the given context, the defaults and the overriding parameters. */
    String render(Map<String, Object> context, Map<String, Object> overrides) {
        Map<String, Object> local = new HashMap<>(context);
        local.putAll(params);
        local.putAll(overrides);
        return text.render(local);
    }
}
