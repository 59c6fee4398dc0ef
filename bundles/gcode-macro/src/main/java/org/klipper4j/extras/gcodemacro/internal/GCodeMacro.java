/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.gcodemacro.internal;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.core.api.gcode.GCodeHandler;
import org.klipper4j.core.api.template.GCodeTemplate;
import org.klipper4j.core.api.template.TemplateEngine;
import org.klipper4j.extras.gcodemacro.internal.python.PyException;
import org.klipper4j.extras.gcodemacro.internal.python.PyLiteral;

/**
 * One {@code [gcode_macro NAME]}: the command NAME running its template, its
 * {@code variable_*} values (status {@code gcode_macro NAME}) and SET_GCODE_VARIABLE.
 */
public final class GCodeMacro implements StatusProvider {

    static final String VARIABLE_PREFIX = "variable_";
    private static final String SET_VARIABLE_HELP = "Set the value of a G-Code macro variable";

    private final Printer printer;
    private final GCodeDispatch gcode;
    private final String alias;
    private final GCodeTemplate template;
    private final String renameExisting;
    private final String description;
    private Map<String, Object> variables;
    private boolean inScript;

    public GCodeMacro(ConfigSection config) {
        String[] nameParts = config.getName().trim().split("\\s+");
        if (nameParts.length > 2) {
            throw new ConfigException("Name of section '" + config.getName() + "' contains illegal whitespace");
        }
        String name = nameParts[1];
        this.alias = name.toUpperCase(Locale.ROOT);
        this.printer = config.getPrinter();
        TemplateEngine engine = (TemplateEngine) printer.loadObject(config, TemplateEngine.OBJECT_NAME);
        this.template = engine.loadTemplate(config, "gcode");
        this.gcode = printer.lookupObject("gcode", GCodeDispatch.class);
        this.renameExisting = config.get("rename_existing", null);
        this.description = config.get("description", "G-Code macro");
        if (renameExisting != null) {
            if (isTraditional(alias) != isTraditional(renameExisting)) {
                throw new ConfigException("G-Code macro rename of different types ('" + alias + "' vs '"
                        + renameExisting + "')");
            }
            printer.registerEventHandler(PrinterEvents.CONNECT, args -> renameBuiltin());
        } else {
            gcode.registerCommand(alias, this::cmd, description);
        }
        gcode.registerMuxCommand("SET_GCODE_VARIABLE", "MACRO", name, this::cmdSetGCodeVariable,
                SET_VARIABLE_HELP);
        this.variables = readVariables(config);
    }

    private static Map<String, Object> readVariables(ConfigSection config) {
        Map<String, Object> vars = new LinkedHashMap<>();
        for (String option : config.getOptionNames()) {
            if (!option.startsWith(VARIABLE_PREFIX)) {
                continue;
            }
            try {
                vars.put(option.substring(VARIABLE_PREFIX.length()), PyLiteral.parse(config.get(option)));
            } catch (PyException e) {
                throw new ConfigException("Option '" + option + "' in section '" + config.getName()
                        + "' is not a valid literal: " + e.getMessage());
            }
        }
        return Collections.unmodifiableMap(vars);
    }

    /** Klipper's test: a letter followed by a number ({@code G28}, {@code M104.1}). */
    static boolean isTraditional(String command) {
        String[] words = command.toUpperCase(Locale.ROOT).trim().split("\\s+");
        String word = words[0];
        if (word.length() < 2 || !Character.isUpperCase(word.charAt(0)) || !Character.isDigit(word.charAt(1))) {
            return false;
        }
        try {
            Double.parseDouble(word.substring(1));
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void renameBuiltin() {
        GCodeHandler previous = gcode.getHandler(alias);
        if (previous == null) {
            throw new ConfigException("Existing command '" + alias + "' not found in gcode_macro rename");
        }
        gcode.registerCommand(alias, null, null);
        gcode.registerCommand(renameExisting, previous, "Renamed builtin of '" + alias + "'");
        gcode.registerCommand(alias, this::cmd, description);
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        return variables;
    }

    private void cmdSetGCodeVariable(GCodeCommand gcmd) {
        String variable = gcmd.get("VARIABLE");
        String value = gcmd.get("VALUE");
        if (!variables.containsKey(variable)) {
            throw gcmd.error("Unknown gcode_macro variable '" + variable + "'");
        }
        Object literal;
        try {
            literal = PyLiteral.parse(value);
        } catch (PyException e) {
            throw gcmd.error("Unable to parse '" + value + "' as a literal: " + e.getMessage() + " in '"
                    + gcmd.getCommandline() + "'");
        }
        Map<String, Object> updated = new LinkedHashMap<>(variables);
        updated.put(variable, literal);
        variables = Collections.unmodifiableMap(updated);
    }

    private void cmd(GCodeCommand gcmd) {
        if (inScript) {
            throw gcmd.error("Macro " + alias + " called recursively");
        }
        Map<String, Object> context = new HashMap<>(variables);
        context.putAll(template.createContext());
        context.put("params", gcmd.getCommandParameters());
        context.put("rawparams", gcmd.getRawCommandParameters());
        inScript = true;
        try {
            template.runGCodeFromCommand(context);
        } finally {
            inScript = false;
        }
    }
}
