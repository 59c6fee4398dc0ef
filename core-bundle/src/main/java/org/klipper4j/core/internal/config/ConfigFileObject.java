/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.config;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.ConfigFile;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code configfile} printer object: its status (the loaded config, the
 * settings modules read, warnings and the changes staged for SAVE_CONFIG) and
 * the {@code SAVE_CONFIG} command.
 */
public final class ConfigFileObject implements ConfigFile, StatusProvider {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigFileObject.class);
    static final String SAVE_CONFIG_HELP = "Overwrite config file and restart";

    private final Printer printer;
    private final PrinterConfig config;
    private final SaveConfigWriter writer;
    private final RawConfig staged;
    private Map<String, Map<String, String>> pendingItems = Map.of();
    private boolean savePending;
    private final List<Map<String, Object>> runtimeWarnings = new ArrayList<>();
    private final Map<List<String>, Map<String, Object>> deprecations = new LinkedHashMap<>();
    private List<Map<String, Object>> warnings = List.of();

    /**
     * @param printer the printer, asked to restart after SAVE_CONFIG; may be null in tests
     * @param config  the loaded config
     */
    public ConfigFileObject(Printer printer, PrinterConfig config) {
        this(printer, config, Clock.systemDefaultZone());
    }

    ConfigFileObject(Printer printer, PrinterConfig config, Clock clock) {
        this.printer = printer;
        this.config = config;
        this.writer = new SaveConfigWriter(clock);
        this.staged = config.autosave().copy();
    }

    /** Registers {@code SAVE_CONFIG}. */
    public void register(GCodeDispatch gcode) {
        gcode.registerCommand("SAVE_CONFIG", this::cmdSaveConfig, SAVE_CONFIG_HELP);
    }

    @Override
    public void set(String section, String option, String value) {
        String svalue = String.valueOf(value);
        staged.set(section, option, svalue);
        Map<String, Map<String, String>> pending = new LinkedHashMap<>(pendingItems);
        Map<String, String> options = pending.get(section) == null
                ? new LinkedHashMap<>() : new LinkedHashMap<>(pending.get(section));
        options.put(option, svalue);
        pending.put(section, Collections.unmodifiableMap(options));
        pendingItems = Collections.unmodifiableMap(pending);
        savePending = true;
        LOG.info("save_config: set [{}] {} = {}", section, option, svalue);
    }

    @Override
    public void removeSection(String section) {
        if (staged.hasSection(section)) {
            staged.removeSection(section);
            Map<String, Map<String, String>> pending = new LinkedHashMap<>(pendingItems);
            pending.put(section, null); // null tells clients the whole section goes away
            pendingItems = Collections.unmodifiableMap(pending);
            savePending = true;
        } else if (pendingItems.get(section) != null) {
            Map<String, Map<String, String>> pending = new LinkedHashMap<>(pendingItems);
            pending.remove(section);
            pendingItems = Collections.unmodifiableMap(pending);
            savePending = true;
        }
    }

    /** A warning of the given type, e.g. {@code runtime_warning}. */
    @Override
    public void warn(String type, String message) {
        LOG.warn(message);
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("type", type);
        w.put("message", message);
        runtimeWarnings.add(Collections.unmodifiableMap(w));
        rebuildWarnings();
    }

    /**
     * Notes a deprecated option ({@code value == null}) or option value, shown as a
     * {@code deprecated_option} or {@code deprecated_value} warning.
     */
    public void deprecate(String section, String option, String value, String message) {
        Map<String, Object> w = new LinkedHashMap<>();
        if (value == null) {
            w.put("type", "deprecated_option");
        } else {
            w.put("type", "deprecated_value");
            w.put("value", value);
        }
        w.put("message", message);
        w.put("section", section);
        w.put("option", option);
        deprecations.put(java.util.Arrays.asList(section, option, value), Collections.unmodifiableMap(w));
        rebuildWarnings();
    }

    private void rebuildWarnings() {
        List<Map<String, Object>> all = new ArrayList<>(runtimeWarnings);
        all.addAll(deprecations.values());
        warnings = Collections.unmodifiableList(all);
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("config", config.rawConfigStatus());
        status.put("warnings", warnings);
        status.put("save_config_pending", savePending);
        status.put("save_config_pending_items", pendingItems);
        status.put("settings", config.settingsStatus());
        return Collections.unmodifiableMap(status);
    }

    /** SAVE_CONFIG: does nothing when there is nothing to save, else rewrites the file and restarts. */
    void cmdSaveConfig(GCodeCommand cmd) {
        if (staged.isEmpty()) {
            return;
        }
        writer.write(config.mainFile(), staged);
        if (printer != null) {
            printer.requestExit("restart");
        }
    }
}
