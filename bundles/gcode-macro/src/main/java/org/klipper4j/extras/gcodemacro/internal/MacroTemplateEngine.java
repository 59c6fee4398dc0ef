/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.gcodemacro.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.core.api.template.GCodeTemplate;
import org.klipper4j.core.api.template.TemplateEngine;
import org.klipper4j.extras.gcodemacro.internal.jinja.CompiledTemplate;
import org.klipper4j.extras.gcodemacro.internal.jinja.JinjaEnvironment;
import org.klipper4j.extras.gcodemacro.internal.jinja.TemplateAction;
import org.klipper4j.extras.gcodemacro.internal.jinja.TemplateSyntaxException;
import org.klipper4j.extras.gcodemacro.internal.python.PyStr;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The printer object {@code gcode_macro}: compiles templates and builds their context. */
public final class MacroTemplateEngine implements TemplateEngine {

    private static final Logger LOG = LoggerFactory.getLogger(MacroTemplateEngine.class);

    private final Printer printer;
    private final JinjaEnvironment environment = JinjaEnvironment.get();

    public MacroTemplateEngine(ConfigSection config) {
        this.printer = config.getPrinter();
    }

    @Override
    public GCodeTemplate loadTemplate(ConfigSection config, String option) {
        return load(config, option, config.get(option));
    }

    @Override
    public GCodeTemplate loadTemplate(ConfigSection config, String option, String defaultSource) {
        return load(config, option, config.get(option, defaultSource));
    }

    private GCodeTemplate load(ConfigSection config, String option, String script) {
        String name = config.getName() + ":" + option;
        try {
            return new MacroTemplate(this, name, environment.compile(script));
        } catch (TemplateSyntaxException e) {
            throw new ConfigException(loadError(name, script, e));
        }
    }

    @Override
    public GCodeTemplate createTemplate(String name, String source) {
        try {
            return new MacroTemplate(this, name, environment.compile(source));
        } catch (TemplateSyntaxException e) {
            throw new IllegalArgumentException(loadError(name, source, e));
        }
    }

    /** Klipper's wording: "Error loading template 'x'\nline N: text # message". */
    private static String loadError(String name, String script, TemplateSyntaxException e) {
        String[] lines = script.split("\n", -1);
        String text = e.line() <= lines.length ? lines[e.line() - 1] : "";
        return "Error loading template '" + name + "'\nline " + e.line() + ": " + text + " # " + e.getMessage();
    }

    /** Klipper's template context: {@code printer} and the {@code action_*} functions. */
    Map<String, Object> createContext() {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("printer", new PrinterStatusMap(printer, null));
        context.put("action_emergency_stop", (TemplateAction) (args, kw) -> {
            Object msg = args.isEmpty() ? kw.getOrDefault("msg", "action_emergency_stop") : args.get(0);
            printer.invokeShutdown("Shutdown due to " + PyStr.str(msg));
            return "";
        });
        context.put("action_respond_info", (TemplateAction) (args, kw) -> {
            gcode().respondInfo(PyStr.str(args.isEmpty() ? kw.get("msg") : args.get(0)));
            return "";
        });
        context.put("action_raise_error", (TemplateAction) (args, kw) -> {
            throw new CommandError(PyStr.str(args.isEmpty() ? kw.get("msg") : args.get(0)));
        });
        context.put("action_call_remote_method", (TemplateAction) (args, kw) -> {
            // No API connection registers remote methods yet: Klipper logs the error and goes on.
            LOG.error("Remote Call Error: Remote method '{}' not registered",
                    args.isEmpty() ? null : PyStr.str(args.get(0)));
            return "";
        });
        return context;
    }

    String render(CompiledTemplate template, Map<String, Object> context) {
        return environment.render(template, context);
    }

    GCodeDispatch gcode() {
        return printer.lookupObject("gcode", GCodeDispatch.class);
    }
}
