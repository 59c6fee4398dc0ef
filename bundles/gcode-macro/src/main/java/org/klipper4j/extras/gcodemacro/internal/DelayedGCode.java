/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.gcodemacro.internal;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.core.api.reactor.Reactor;
import org.klipper4j.core.api.reactor.ReactorTimer;
import org.klipper4j.core.api.template.GCodeTemplate;
import org.klipper4j.core.api.template.TemplateEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One {@code [delayed_gcode NAME]}: a template run on a timer, set by UPDATE_DELAYED_GCODE. */
public final class DelayedGCode {

    private static final Logger LOG = LoggerFactory.getLogger(DelayedGCode.class);
    private static final String UPDATE_HELP = "Update the duration of a delayed_gcode";

    private final Reactor reactor;
    private final GCodeDispatch gcode;
    private final GCodeTemplate template;
    private double duration;
    private ReactorTimer timer;
    private boolean insideTimer;
    private boolean repeat;

    public DelayedGCode(ConfigSection config) {
        Printer printer = config.getPrinter();
        this.reactor = printer.getReactor();
        String name = config.getName().trim().split("\\s+")[1];
        this.gcode = printer.lookupObject("gcode", GCodeDispatch.class);
        TemplateEngine engine = (TemplateEngine) printer.loadObject(config, TemplateEngine.OBJECT_NAME);
        this.template = engine.loadTemplate(config, "gcode");
        this.duration = config.getFloat("initial_duration", 0.0, Bounds.min(0.0));
        printer.registerEventHandler(PrinterEvents.READY, args -> handleReady());
        gcode.registerMuxCommand("UPDATE_DELAYED_GCODE", "ID", name, this::cmdUpdateDelayedGCode, UPDATE_HELP);
    }

    private void handleReady() {
        double waketime = duration != 0 ? reactor.monotonic() + duration : Reactor.NEVER;
        timer = reactor.registerTimer(this::timerEvent, waketime);
    }

    private double timerEvent(double eventtime) {
        insideTimer = true;
        try {
            gcode.runScript(template.render(null));
        } catch (RuntimeException e) {
            LOG.error("Script running error", e);
        }
        double next = repeat ? eventtime + duration : Reactor.NEVER;
        insideTimer = false;
        repeat = false;
        return next;
    }

    private void cmdUpdateDelayedGCode(GCodeCommand gcmd) {
        gcmd.getFloat("DURATION");  // required: "missing DURATION" before the bounds check
        duration = gcmd.getFloat("DURATION", 0.0, Bounds.min(0.0));
        if (insideTimer) {
            repeat = duration != 0;
        } else if (timer != null) {
            reactor.updateTimer(timer, duration != 0 ? reactor.monotonic() + duration : Reactor.NEVER);
        }
    }
}
