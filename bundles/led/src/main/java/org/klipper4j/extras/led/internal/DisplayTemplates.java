/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.led.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.template.TemplateEngine;

/**
 * Every {@code [display_template]} of the config, loaded together the first time an LED or
 * a display_template section asks. Registered as {@code display_templates}.
 */
final class DisplayTemplates {
    static final String OBJECT_NAME = "display_templates";
    private static final String PREFIX = "display_template ";

    private final Map<String, DisplayTemplate> templates = new LinkedHashMap<>();

    private DisplayTemplates(ConfigSection config) {
        Printer printer = config.getPrinter();
        TemplateEngine engine = null;
        for (ConfigSection section : config.getPrefixSections(PREFIX)) {
            if (engine == null) {
                engine = engine(config, section);
            }
            String name = section.getName().substring(PREFIX.length()).trim();
            templates.put(name, new DisplayTemplate(section, engine));
        }
        printer.addObject(OBJECT_NAME, this);
    }

    private static TemplateEngine engine(ConfigSection config, ConfigSection section) {
        Printer printer = config.getPrinter();
        Object engine = printer.findObject(TemplateEngine.OBJECT_NAME, Object.class).orElse(null);
        if (engine == null && printer.hasModule(TemplateEngine.OBJECT_NAME)) {
            engine = printer.loadObject(config, TemplateEngine.OBJECT_NAME);
        }
        if (!(engine instanceof TemplateEngine)) {
            throw new ConfigException("Section '" + section.getName()
                    + "' needs G-code templates: install the gcode-macro bundle");
        }
        return (TemplateEngine) engine;
    }

    static DisplayTemplates lookup(ConfigSection config) {
        return config.getPrinter().findObject(OBJECT_NAME, DisplayTemplates.class)
                .orElseGet(() -> new DisplayTemplates(config));
    }

    /** The template of that name, or null. */
    DisplayTemplate get(String name) {
        return templates.get(name);
    }
}
