/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.gcodemacro.internal;

import java.util.Map;

import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.template.GCodeTemplate;
import org.klipper4j.extras.gcodemacro.internal.jinja.CompiledTemplate;
import org.klipper4j.extras.gcodemacro.internal.python.PyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One compiled template (Klipper's {@code TemplateWrapper}). */
final class MacroTemplate implements GCodeTemplate {

    private static final Logger LOG = LoggerFactory.getLogger(MacroTemplate.class);

    private final MacroTemplateEngine engine;
    private final String name;
    private final CompiledTemplate compiled;

    MacroTemplate(MacroTemplateEngine engine, String name, CompiledTemplate compiled) {
        this.engine = engine;
        this.name = name;
        this.compiled = compiled;
    }

    @Override
    public Map<String, Object> createContext() {
        return engine.createContext();
    }

    @Override
    public String render(Map<String, Object> context) {
        try {
            return engine.render(compiled, context == null ? createContext() : context);
        } catch (CommandError e) {
            throw evaluationError("gcode.CommandError: " + e.getMessage(), e);
        } catch (PyException e) {
            throw evaluationError(e.describe(), e);
        } catch (RuntimeException e) {
            throw evaluationError(e.getMessage(), e);
        }
    }

    private CommandError evaluationError(String what, RuntimeException cause) {
        String msg = "Error evaluating '" + name + "': " + what;
        LOG.warn(msg, cause);
        return new CommandError(msg);
    }

    @Override
    public void runGCodeFromCommand(Map<String, Object> context) {
        engine.gcode().runScriptFromCommand(render(context));
    }
}
