/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.idletimeout.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.core.api.motion.Toolhead;
import org.klipper4j.core.api.reactor.Reactor;
import org.klipper4j.core.api.reactor.ReactorTimer;
import org.klipper4j.core.api.template.GCodeTemplate;
import org.klipper4j.core.api.template.TemplateEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The printer's activity state, as Klipper's idle_timeout: "Printing" while moves are
 * queued, "Ready" once the toolhead has run dry, and "Idle" after {@code timeout} seconds
 * of Ready, when the idle script (default: heaters off, motors off) has run. Sends the
 * {@code idle_timeout:printing}, {@code :ready} and {@code :idle} events with a print time.
 */
public final class IdleTimeout implements StatusProvider {
    static final String DEFAULT_IDLE_GCODE = "\n{% if 'heaters' in printer %}\n   TURN_OFF_HEATERS\n{% endif %}\nM84\n";
    static final String DEFAULT_IDLE_SCRIPT = "TURN_OFF_HEATERS\nM84";
    static final double PIN_MIN_TIME = 0.100;
    static final double READY_TIMEOUT = .500;
    static final String SET_IDLE_TIMEOUT_HELP = "Set the idle timeout in seconds";
    private static final Logger LOG = LoggerFactory.getLogger(IdleTimeout.class);

    private final Printer printer;
    private final Reactor reactor;
    private final GCodeDispatch gcode;
    private final Supplier<String> idleScript;
    private double idleTimeout;
    private Toolhead toolhead;
    private ReactorTimer timer;
    private String state = "Idle";
    private double lastPrintStartSystime;

    public IdleTimeout(ConfigSection config) {
        printer = config.getPrinter();
        reactor = printer.getReactor();
        gcode = printer.lookupObject("gcode", GCodeDispatch.class);
        idleTimeout = config.getFloat("timeout", 600., Bounds.above(0.));
        idleScript = idleScript(config);
        printer.registerEventHandler(PrinterEvents.READY, args -> handleReady());
        gcode.registerCommand("SET_IDLE_TIMEOUT", this::cmdSetIdleTimeout, SET_IDLE_TIMEOUT_HELP);
    }

    /** The {@code gcode} template; without the gcode-macro bundle only the default script works. */
    private Supplier<String> idleScript(ConfigSection config) {
        Object engine = printer.findObject(TemplateEngine.OBJECT_NAME, Object.class).orElse(null);
        if (engine == null && printer.hasModule(TemplateEngine.OBJECT_NAME)) {
            engine = printer.loadObject(config, TemplateEngine.OBJECT_NAME);
        }
        if (engine instanceof TemplateEngine macros) {
            GCodeTemplate template = macros.loadTemplate(config, "gcode", DEFAULT_IDLE_GCODE);
            return () -> template.render(template.createContext());
        }
        String source = config.get("gcode", null);
        if (source != null) {
            throw config.error("Option 'gcode' in section 'idle_timeout' needs G-code templates:"
                    + " install the gcode-macro bundle");
        }
        return () -> printer.findObject("heaters", Object.class).isPresent() ? DEFAULT_IDLE_SCRIPT : "M84";
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("state", state);
        status.put("printing_time", "Printing".equals(state) ? eventtime - lastPrintStartSystime : 0.);
        status.put("idle_timeout", idleTimeout);
        return status;
    }

    /** The current state: "Idle", "Ready" or "Printing". */
    public String getState() {
        return state;
    }

    private void handleReady() {
        toolhead = printer.lookupObject("toolhead", Toolhead.class);
        timer = reactor.registerTimer(this::timeoutHandler, Reactor.NEVER);
        printer.registerEventHandler("toolhead:sync_print_time", this::handleSyncPrintTime);
    }

    private double transitionIdleState(double eventtime) {
        state = "Printing";
        try {
            gcode.runScript(idleScript.get());
        } catch (RuntimeException e) {
            LOG.warn("idle timeout gcode execution: {}", e.getMessage());
            state = "Ready";
            return eventtime + 1.;
        }
        double printTime = toolhead.getLastMoveTime();
        state = "Idle";
        printer.sendEvent("idle_timeout:idle", printTime);
        return Reactor.NEVER;
    }

    private double checkIdleTimeout(double eventtime) {
        Object[] busy = toolhead.checkBusy(eventtime);
        double printTime = (Double) busy[0];
        double estPrintTime = (Double) busy[1];
        boolean lookaheadEmpty = (Boolean) busy[2];
        double idleTime = estPrintTime - printTime;
        if (!lookaheadEmpty || idleTime < 1.) {
            return eventtime + idleTimeout;
        }
        if (idleTime < idleTimeout) {
            return eventtime + idleTimeout - idleTime;
        }
        if (gcode.isMutexLocked()) {
            return eventtime + 1.;
        }
        return transitionIdleState(eventtime);
    }

    private double timeoutHandler(double eventtime) {
        if ("Ready".equals(state)) {
            return checkIdleTimeout(eventtime);
        }
        Object[] busy = toolhead.checkBusy(eventtime);
        double printTime = (Double) busy[0];
        double estPrintTime = (Double) busy[1];
        boolean lookaheadEmpty = (Boolean) busy[2];
        double bufferTime = Math.min(2., printTime - estPrintTime);
        if (!lookaheadEmpty) {
            return eventtime + READY_TIMEOUT + Math.max(0., bufferTime);
        }
        if (bufferTime > -READY_TIMEOUT) {
            return eventtime + READY_TIMEOUT + bufferTime;
        }
        if (gcode.isMutexLocked()) {
            return eventtime + READY_TIMEOUT;
        }
        state = "Ready";
        printer.sendEvent("idle_timeout:ready", estPrintTime + PIN_MIN_TIME);
        return eventtime + idleTimeout;
    }

    /** Arguments as the toolhead sends them: event time, then two print times. */
    private void handleSyncPrintTime(Object... args) {
        if ("Printing".equals(state)) {
            return;
        }
        double curtime = ((Number) args[0]).doubleValue();
        double first = ((Number) args[1]).doubleValue();
        double second = ((Number) args[2]).doubleValue();
        state = "Printing";
        lastPrintStartSystime = curtime;
        double checkTime = READY_TIMEOUT + first - second;
        reactor.updateTimer(timer, curtime + checkTime);
        printer.sendEvent("idle_timeout:printing", second + PIN_MIN_TIME);
    }

    private void cmdSetIdleTimeout(GCodeCommand cmd) {
        double timeout = cmd.getFloat("TIMEOUT", idleTimeout, Bounds.above(0.));
        idleTimeout = timeout;
        cmd.respondInfo(String.format("idle_timeout: Timeout set to %.2f s", timeout));
        if ("Ready".equals(state)) {
            reactor.updateTimer(timer, reactor.monotonic() + timeout);
        }
    }
}
