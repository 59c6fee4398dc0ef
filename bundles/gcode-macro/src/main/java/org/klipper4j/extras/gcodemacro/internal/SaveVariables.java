/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.gcodemacro.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.extras.gcodemacro.internal.python.PyException;
import org.klipper4j.extras.gcodemacro.internal.python.PyLiteral;
import org.klipper4j.extras.gcodemacro.internal.python.PyStr;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code [save_variables]}: SAVE_VARIABLE writes Python literals to an INI file with a
 * {@code [Variables]} section, as Klipper does, and status {@code variables} reads them.
 */
public final class SaveVariables implements StatusProvider {

    private static final Logger LOG = LoggerFactory.getLogger(SaveVariables.class);
    private static final String SECTION = "Variables";

    private final Path filename;
    private Map<String, Object> variables = Map.of();

    public SaveVariables(ConfigSection config) {
        this.filename = expandUser(config.get("filename"));
        try {
            if (!Files.exists(filename)) {
                Files.createFile(filename);
            }
            load();
        } catch (IOException | CommandError e) {
            throw new ConfigException(e instanceof CommandError ? e.getMessage() : "Unable to parse existing variable file");
        }
        GCodeDispatch gcode = config.getPrinter().lookupObject("gcode", GCodeDispatch.class);
        gcode.registerCommand("SAVE_VARIABLE", this::cmdSaveVariable, "Save arbitrary variables to disk");
    }

    private static Path expandUser(String name) {
        if (name.equals("~") || name.startsWith("~/")) {
            return Path.of(System.getProperty("user.home") + name.substring(1));
        }
        return Path.of(name);
    }

    private void load() {
        Map<String, Object> all = new LinkedHashMap<>();
        try {
            Map<String, String> raw = readSection(Files.readString(filename, StandardCharsets.UTF_8));
            for (Map.Entry<String, String> e : raw.entrySet()) {
                all.put(e.getKey(), PyLiteral.parse(e.getValue()));
            }
        } catch (IOException | PyException | IllegalArgumentException e) {
            LOG.error("Unable to parse existing variable file", e);
            throw new CommandError("Unable to parse existing variable file");
        }
        variables = Collections.unmodifiableMap(all);
    }

    /** The {@code [Variables]} options of an INI text, as Python's configparser reads them. */
    static Map<String, String> readSection(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        String section = null;
        String lastKey = null;
        for (String line : text.split("\r?\n", -1)) {
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith(";")) {
                continue;
            }
            if (Character.isWhitespace(line.charAt(0)) && lastKey != null && SECTION.equals(section)) {
                values.put(lastKey, values.get(lastKey) + "\n" + stripped);
                continue;
            }
            if (stripped.startsWith("[") && stripped.endsWith("]")) {
                section = stripped.substring(1, stripped.length() - 1);
                lastKey = null;
                continue;
            }
            int eq = indexOfDelimiter(stripped);
            if (section == null || eq < 0) {
                throw new IllegalArgumentException("File contains parsing errors: " + line);
            }
            lastKey = stripped.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            if (SECTION.equals(section)) {
                values.put(lastKey, stripped.substring(eq + 1).strip());
            }
        }
        return values;
    }

    private static int indexOfDelimiter(String line) {
        int eq = line.indexOf('=');
        int colon = line.indexOf(':');
        if (eq < 0) {
            return colon;
        }
        return colon < 0 ? eq : Math.min(eq, colon);
    }

    /** The file text Klipper writes: sorted names, values as Python's repr. */
    static String format(Map<String, Object> vars) {
        StringBuilder sb = new StringBuilder("[" + SECTION + "]\n");
        new TreeMap<>(vars).forEach((name, value) -> sb.append(name).append(" = ").append(PyStr.repr(value))
                .append('\n'));
        return sb.append('\n').toString();
    }

    private void cmdSaveVariable(GCodeCommand gcmd) {
        String name = gcmd.get("VARIABLE");
        if (!name.toLowerCase(Locale.ROOT).equals(name)) {
            throw gcmd.error("VARIABLE must not contain upper case");
        }
        String text = gcmd.get("VALUE");
        Object value;
        try {
            value = PyLiteral.parse(text);
        } catch (PyException e) {
            throw gcmd.error("Unable to parse '" + text + "' as a literal");
        }
        Map<String, Object> updated = new LinkedHashMap<>(variables);
        updated.put(name, value);
        Path tmp = Path.of(filename + ".tmp");
        try {
            Files.writeString(tmp, format(updated), StandardCharsets.UTF_8);
            Files.move(tmp, filename, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.error("Unable to save variable", e);
            throw gcmd.error("Unable to save variable");
        }
        load();
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        return Map.of("variables", variables);
    }
}
