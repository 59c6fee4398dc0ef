/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.printstats.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.core.api.reactor.Reactor;
import org.klipper4j.extras.printstats.api.PrintStats;

/**
 * The {@code print_stats} printer object: job state, durations, filament used
 * and slicer layer info, following Klipper's print_stats.
 *
 * <p>Durations use the reactor clock. {@code print_duration} leaves out pauses
 * and, when gcode_move reports an E position, the time before the first
 * extrusion (as Klipper); without gcode_move it counts from the start.
 */
public final class PrintStatsImpl implements PrintStats {

    static final String SET_INFO_HELP = "Pass slicer info like layer act and total to klipper";

    /** Below this much filament, nothing has been extruded yet. */
    private static final double NO_EXTRUSION = 0.0000001;

    private final Printer printer;
    private final Reactor reactor;
    private final ExtruderPosition extruder;
    private final LayerInfo layers = new LayerInfo();

    private String filename;
    private String errorMessage;
    private String state;
    private double prevPauseDuration;
    private double lastEpos;
    private double filamentUsed;
    private double totalDuration;
    private double initDuration;
    private Double printStartTime;
    private Double lastPauseTime;

    public PrintStatsImpl(Printer printer) {
        this.printer = printer;
        this.reactor = printer.getReactor();
        this.extruder = new ExtruderPosition(printer);
        reset();
    }

    /** Registers SET_PRINT_STATS_INFO with the G-code dispatcher. */
    public void registerCommands(GCodeDispatch gcode) {
        gcode.registerCommand("SET_PRINT_STATS_INFO", this::cmdSetPrintStatsInfo, SET_INFO_HELP);
    }

    void cmdSetPrintStatsInfo(GCodeCommand cmd) {
        Integer total = cmd.getInt("TOTAL_LAYER", null, 0, null);
        Integer current = cmd.getInt("CURRENT_LAYER", null, 0, null);
        layers.update(total, current);
    }

    @Override
    public void setCurrentFile(String name) {
        reset();
        this.filename = name == null ? "" : name;
    }

    @Override
    public void noteStart() {
        double now = reactor.monotonic();
        if (printStartTime == null) {
            printStartTime = now;
        } else if (lastPauseTime != null) {
            prevPauseDuration += now - lastPauseTime;
            lastPauseTime = null;
        }
        // filament counts from here; moves made while paused are not printing
        extruder.read(now).ifPresent(s -> lastEpos = s.e());
        state = PRINTING;
        errorMessage = "";
        printer.sendEvent(EVENT_START);
    }

    @Override
    public void notePause() {
        if (lastPauseTime == null) {
            double now = reactor.monotonic();
            lastPauseTime = now;
            updateFilamentUsage(now);
        }
        if (!ERROR.equals(state)) {
            state = PAUSED;
            printer.sendEvent(EVENT_PAUSED);
        }
    }

    @Override
    public void noteComplete() {
        noteFinish(COMPLETE, "");
        printer.sendEvent(EVENT_COMPLETE);
    }

    @Override
    public void noteCancel() {
        noteFinish(CANCELLED, "");
        printer.sendEvent(EVENT_CANCELLED);
    }

    @Override
    public void noteError(String message) {
        noteFinish(ERROR, message == null ? "" : message);
    }

    private void noteFinish(String finalState, String message) {
        if (printStartTime == null) {
            return;
        }
        state = finalState;
        errorMessage = message;
        double now = reactor.monotonic();
        totalDuration = now - printStartTime;
        if (tracksExtrusion(now) && filamentUsed < NO_EXTRUSION) {
            initDuration = totalDuration - prevPauseDuration;
        }
        printStartTime = null;
    }

    @Override
    public void reset() {
        filename = "";
        errorMessage = "";
        state = STANDBY;
        prevPauseDuration = 0.0;
        lastEpos = 0.0;
        filamentUsed = 0.0;
        totalDuration = 0.0;
        initDuration = 0.0;
        printStartTime = null;
        lastPauseTime = null;
        layers.clear();
    }

    @Override
    public String getState() {
        return state;
    }

    @Override
    public String getFilename() {
        return filename;
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        double timePaused = prevPauseDuration;
        if (printStartTime != null) {
            Optional<ExtruderPosition.Sample> sample = extruder.read(eventtime);
            if (lastPauseTime != null) {
                timePaused += eventtime - lastPauseTime;
            } else {
                sample.ifPresent(this::addFilament);
            }
            totalDuration = eventtime - printStartTime;
            if (sample.isPresent() && filamentUsed < NO_EXTRUSION) {
                // the print has not extruded yet: that time is preparation, not printing
                initDuration = totalDuration - timePaused;
            }
        }
        double printDuration = totalDuration - initDuration - timePaused;
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("total_layer", layers.totalLayer());
        info.put("current_layer", layers.currentLayer());
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("filename", filename);
        status.put("total_duration", totalDuration);
        status.put("print_duration", printDuration);
        status.put("filament_used", filamentUsed);
        status.put("state", state);
        status.put("message", errorMessage);
        status.put("info", Collections.unmodifiableMap(info));
        return Collections.unmodifiableMap(status);
    }

    private boolean tracksExtrusion(double eventtime) {
        return extruder.read(eventtime).isPresent();
    }

    private void updateFilamentUsage(double eventtime) {
        extruder.read(eventtime).ifPresent(this::addFilament);
    }

    /** Adds the E movement since the last sample, scaled back by the extrusion multiplier. */
    private void addFilament(ExtruderPosition.Sample sample) {
        filamentUsed += (sample.e() - lastEpos) / sample.extrudeFactor();
        lastEpos = sample.e();
    }
}
