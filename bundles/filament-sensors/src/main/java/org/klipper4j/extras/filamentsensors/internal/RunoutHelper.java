/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.filamentsensors.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.core.api.reactor.Reactor;
import org.klipper4j.core.api.template.GCodeTemplate;
import org.klipper4j.core.api.template.TemplateEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a filament sensor does with its readings (Klipper's RunoutHelper): on
 * runout while printing it pauses and runs {@code runout_gcode}; on insert while
 * not printing it runs {@code insert_gcode}; events are ignored in the first two
 * seconds after ready, within {@code event_delay} of the last one, and while the
 * sensor is disabled.
 */
public final class RunoutHelper implements StatusProvider {
    private static final Logger LOG = LoggerFactory.getLogger(RunoutHelper.class);
    static final String QUERY_HELP = "Query the status of the Filament Sensor";
    static final String SET_HELP = "Sets the filament sensor on/off";

    private final String name;
    private final Printer printer;
    private final Reactor reactor;
    private final GCodeDispatch gcode;
    private final boolean runoutPause;
    /** The runout script; null if nothing runs on runout. */
    private final Script runoutGcode;
    private final Script insertGcode;
    private final double pauseDelay;
    private final double eventDelay;
    private double minEventSystime = Reactor.NEVER;
    private boolean filamentPresent;
    private boolean sensorEnabled = true;

    /** A script to run: a compiled template, or empty text when no template was configured. */
    private interface Script {
        String render();
    }

    public RunoutHelper(ConfigSection config) {
        String[] words = config.getName().trim().split("\\s+");
        name = words[words.length - 1];
        printer = config.getPrinter();
        reactor = printer.getReactor();
        gcode = printer.lookupObject("gcode", GCodeDispatch.class);
        runoutPause = config.getBoolean("pause_on_runout", true);
        if (runoutPause) {
            optionalObject(config, "pause_resume");
        }
        String runoutSource = config.get("runout_gcode", null);
        String insertSource = config.get("insert_gcode", null);
        TemplateEngine engine = null;
        if (runoutSource != null || insertSource != null) {
            Object macros = optionalObject(config, TemplateEngine.OBJECT_NAME);
            if (!(macros instanceof TemplateEngine)) {
                throw new ConfigException("Option 'runout_gcode'/'insert_gcode' in section '" + config.getName()
                        + "' needs G-code templates: install the gcode-macro bundle");
            }
            engine = (TemplateEngine) macros;
        }
        if (runoutSource != null) {
            GCodeTemplate template = engine.loadTemplate(config, "runout_gcode", "");
            runoutGcode = () -> template.render(null);
        } else {
            runoutGcode = runoutPause ? () -> "" : null;
        }
        if (insertSource != null) {
            GCodeTemplate template = engine.loadTemplate(config, "insert_gcode");
            insertGcode = () -> template.render(null);
        } else {
            insertGcode = null;
        }
        pauseDelay = config.getFloat("pause_delay", .5, Bounds.above(0.));
        eventDelay = config.getFloat("event_delay", 3., Bounds.min(0.));
        printer.registerEventHandler(PrinterEvents.READY, args -> minEventSystime = reactor.monotonic() + 2.);
        gcode.registerMuxCommand("QUERY_FILAMENT_SENSOR", "SENSOR", name, this::cmdQueryFilamentSensor, QUERY_HELP);
        gcode.registerMuxCommand("SET_FILAMENT_SENSOR", "SENSOR", name, this::cmdSetFilamentSensor, SET_HELP);
    }

    /** The object if loaded or loadable; null when no installed bundle serves it. */
    private Object optionalObject(ConfigSection config, String section) {
        Object existing = printer.findObject(section, Object.class).orElse(null);
        if (existing != null || !printer.hasModule(section)) {
            return existing;
        }
        return printer.loadObject(config, section);
    }

    String getName() {
        return name;
    }

    /** A new reading; acts on a change only (Klipper's note_filament_present). */
    public void noteFilamentPresent(double eventtime, boolean isFilamentPresent) {
        if (isFilamentPresent == filamentPresent) {
            return;
        }
        filamentPresent = isFilamentPresent;
        if (eventtime < minEventSystime || !sensorEnabled) {
            // starting up, within event_delay, an event running, or disabled
            return;
        }
        double now = reactor.monotonic();
        boolean isPrinting = isPrinting(now);
        if (isFilamentPresent) {
            if (!isPrinting && insertGcode != null) {
                minEventSystime = Reactor.NEVER;
                LOG.info(String.format(java.util.Locale.ROOT,
                        "Filament Sensor %s: insert event detected, Time %.2f", name, now));
                reactor.registerCallback(et -> execGcode("", insertGcode), Reactor.NOW);
            }
        } else if (isPrinting && runoutGcode != null) {
            minEventSystime = Reactor.NEVER;
            LOG.info(String.format(java.util.Locale.ROOT,
                    "Filament Sensor %s: runout event detected, Time %.2f", name, now));
            reactor.registerCallback(this::runoutEvent, Reactor.NOW);
        }
    }

    private boolean isPrinting(double now) {
        return printer.findObject("idle_timeout", StatusProvider.class)
                .map(idle -> "Printing".equals(idle.getStatus(now).get("state")))
                .orElse(false);
    }

    private void runoutEvent(double eventtime) {
        String prefix = "";
        if (runoutPause) {
            // PAUSE first, then give it pause_delay to take effect before the runout script
            prefix = "PAUSE\n";
            reactor.pause(eventtime + pauseDelay);
        }
        execGcode(prefix, runoutGcode);
    }

    private void execGcode(String prefix, Script script) {
        try {
            gcode.runScript(prefix + script.render() + "\nM400");
        } catch (RuntimeException e) {
            LOG.error("Script running error", e);
        }
        minEventSystime = reactor.monotonic() + eventDelay;
    }

    private void cmdQueryFilamentSensor(GCodeCommand gcmd) {
        String state = filamentPresent ? "filament detected" : "filament not detected";
        gcmd.respondInfo("Filament Sensor " + name + ": " + state);
    }

    private void cmdSetFilamentSensor(GCodeCommand gcmd) {
        sensorEnabled = gcmd.getInt("ENABLE", 1) != 0;
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("filament_detected", filamentPresent);
        status.put("enabled", sensorEnabled);
        return status;
    }
}
