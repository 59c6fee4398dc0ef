/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.probe.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.core.api.motion.Toolhead;
import org.klipper4j.extras.probe.api.ProbeParams;
import org.klipper4j.extras.probe.api.ProbeResults;
import org.klipper4j.extras.probe.api.ProbeSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A probe session with multiple samples per point (Klipper's ProbeSessionHelper): checks
 * that Z is homed, retracts between samples, retries when the samples spread more than
 * samples_tolerance and averages them.
 */
final class ProbeSessionHelper implements ProbeSession {
    private static final Logger LOG = LoggerFactory.getLogger(ProbeSessionHelper.class);
    static final String HINT_TIMEOUT = "\nIf the probe did not move far enough to trigger, then\n"
            + "consider reducing the Z axis minimum position so the probe\n"
            + "can travel further (the Z minimum position can be negative).\n";

    private final Printer printer;
    private final ProbeParameters params;
    private final Function<GCodeCommand, ProbeSession> startHardwareSession;
    private ProbeSession hwSession;
    private final List<double[]> results = new ArrayList<>();

    ProbeSessionHelper(Printer printer, ProbeParameters params,
            Function<GCodeCommand, ProbeSession> startHardwareSession) {
        this.printer = printer;
        this.params = params;
        this.startHardwareSession = startHardwareSession;
        printer.registerEventHandler("gcode:command_error", a -> {
            if (hwSession != null) {
                try {
                    endProbeSession();
                } catch (RuntimeException e) {
                    LOG.warn("Multi-probe end", e);
                }
            }
        });
    }

    private static CommandError stateError() {
        return new CommandError("Internal probe error - start/end probe session mismatch");
    }

    ProbeSession start(GCodeCommand gcmd) {
        if (hwSession != null) {
            throw stateError();
        }
        hwSession = startHardwareSession.apply(gcmd);
        results.clear();
        return this;
    }

    @Override
    public void endProbeSession() {
        ProbeSession hw = hwSession;
        if (hw == null) {
            throw stateError();
        }
        results.clear();
        hwSession = null;
        hw.endProbeSession();
    }

    private double[] probeOnce(GCodeCommand gcmd) {
        Toolhead toolhead = printer.lookupObject("toolhead", Toolhead.class);
        double now = printer.getReactor().monotonic();
        Object homed = toolhead.getStatus(now).get("homed_axes");
        if (homed == null || !homed.toString().contains("z")) {
            throw new CommandError("Must home before probe");
        }
        double[] epos;
        try {
            hwSession.runProbe(gcmd);
            epos = hwSession.pullProbedResults().get(0);
        } catch (CommandError e) {
            String reason = e.getMessage();
            if (reason.contains("Timeout during endstop homing")) {
                reason += HINT_TIMEOUT;
            }
            throw new CommandError(reason);
        }
        printer.sendEvent("probe:update_results", (Object) epos);
        printer.lookupObject("gcode", GCodeDispatch.class).respondInfo(String.format(Locale.ROOT,
                "probe at %.3f,%.3f is z=%.6f", epos[0], epos[1], epos[2]));
        return new double[] {epos[0], epos[1], epos[2]};
    }

    @Override
    public void runProbe(GCodeCommand gcmd) {
        if (hwSession == null) {
            throw stateError();
        }
        ProbeParams p = params.get(gcmd);
        Toolhead toolhead = printer.lookupObject("toolhead", Toolhead.class);
        double[] start = toolhead.getPosition();
        int retries = 0;
        List<double[]> positions = new ArrayList<>();
        while (positions.size() < p.samples()) {
            double[] pos = probeOnce(gcmd);
            positions.add(pos);
            double max = positions.stream().mapToDouble(q -> q[2]).max().orElse(0.);
            double min = positions.stream().mapToDouble(q -> q[2]).min().orElse(0.);
            if (max - min > p.samplesTolerance()) {
                if (retries >= p.samplesToleranceRetries()) {
                    throw gcmd.error("Probe samples exceed samples_tolerance");
                }
                gcmd.respondInfo("Probe samples exceed tolerance. Retrying...");
                retries++;
                positions.clear();
            }
            if (positions.size() < p.samples()) {
                toolhead.manualMove(new double[] {start[0], start[1], pos[2] + p.sampleRetractDist()},
                        p.liftSpeed());
            }
        }
        results.add(ProbeResults.average(positions, p.samplesResult()));
    }

    @Override
    public List<double[]> pullProbedResults() {
        List<double[]> res = new ArrayList<>(results);
        results.clear();
        return res;
    }
}
