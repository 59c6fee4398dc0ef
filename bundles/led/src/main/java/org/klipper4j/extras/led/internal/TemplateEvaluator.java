/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.led.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.reactor.Reactor;
import org.klipper4j.core.api.reactor.ReactorTimer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders the display templates assigned with SET_LED_TEMPLATE twice a second and hands
 * each text to its LED, as Klipper's template evaluator. One per printer, registered as
 * {@code template_evaluator}.
 */
final class TemplateEvaluator {
    static final String OBJECT_NAME = "template_evaluator";
    static final double RENDER_TIME = 0.500;
    private static final Logger LOG = LoggerFactory.getLogger(TemplateEvaluator.class);

    private record Active(String uid, DisplayTemplate template, Map<String, Object> params, Runnable flush) {
    }

    private final Reactor reactor;
    private final DisplayTemplates templates;
    private final Map<Consumer<String>, Active> active = new LinkedHashMap<>();
    private ReactorTimer renderTimer;

    TemplateEvaluator(Printer printer, DisplayTemplates templates) {
        this.reactor = printer.getReactor();
        this.templates = templates;
    }

    /** The printer's evaluator, made on first use. */
    static TemplateEvaluator lookup(ConfigSection config) {
        Printer printer = config.getPrinter();
        return printer.findObject(OBJECT_NAME, TemplateEvaluator.class).orElseGet(() -> {
            TemplateEvaluator evaluator = new TemplateEvaluator(printer, DisplayTemplates.lookup(config));
            printer.addObject(OBJECT_NAME, evaluator);
            return evaluator;
        });
    }

    /**
     * Handles the TEMPLATE= and PARAM_*= parameters of a command: assigns the template to
     * the callback, or with an empty name removes the callback's template.
     */
    void setTemplate(GCodeCommand cmd, Consumer<String> callback, Runnable flush) {
        String name = cmd.get("TEMPLATE");
        if (name.isEmpty()) {
            active.remove(callback);
            return;
        }
        DisplayTemplate template = templates.get(name);
        if (template == null) {
            throw cmd.error("Unknown display_template '" + name + "'");
        }
        Map<String, Object> params = new TreeMap<>();
        for (Map.Entry<String, String> e : cmd.getCommandParameters().entrySet()) {
            if (!e.getKey().startsWith("PARAM_")) {
                continue;
            }
            String param = e.getKey().toLowerCase(java.util.Locale.ROOT);
            if (!template.getParams().containsKey(param)) {
                throw cmd.error("Invalid display_template parameter: " + param);
            }
            try {
                params.put(param, PythonLiteral.parse(e.getValue()));
            } catch (IllegalArgumentException ex) {
                throw cmd.error("Unable to parse '" + e.getValue() + "' as a literal");
            }
        }
        active.put(callback, new Active(name + params, template, params, flush));
        if (renderTimer == null) {
            renderTimer = reactor.registerTimer(this::render, Reactor.NOW);
        }
    }

    private double render(double eventtime) {
        if (active.isEmpty()) {
            reactor.unregisterTimer(renderTimer);
            renderTimer = null;
            return Reactor.NEVER;
        }
        Map<String, String> rendered = new HashMap<>();
        Set<Runnable> flushes = new LinkedHashSet<>();
        Map<String, Object> context = null;
        for (Map.Entry<Consumer<String>, Active> e : new LinkedHashMap<>(active).entrySet()) {
            Active a = e.getValue();
            String text = rendered.get(a.uid());
            if (text == null) {
                try {
                    if (context == null) {
                        context = a.template().createContext();
                    }
                    text = a.template().render(context, a.params());
                } catch (RuntimeException ex) {
                    LOG.warn("display template render error: {}", ex.getMessage());
                    text = "";
                }
                rendered.put(a.uid(), text);
            }
            if (a.flush() != null) {
                flushes.add(a.flush());
            }
            e.getKey().accept(text);
        }
        flushes.forEach(Runnable::run);
        return eventtime + RENDER_TIME;
    }
}
