/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.motionreport.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.motion.ExtraAxis;
import org.klipper4j.core.api.motion.MotionQueuing;
import org.klipper4j.core.api.motion.Stepper;
import org.klipper4j.core.api.motion.Toolhead;
import org.klipper4j.core.api.motion.TrapQueue;

/**
 * Klipper's motion_report: the requested toolhead and extruder position and
 * velocity now ({@code live_position}, {@code live_velocity},
 * {@code live_extruder_velocity}), and the dump endpoints of every stepper and trapq.
 */
public final class MotionReport implements StatusProvider {
    /** The live values are recomputed at most this often (seconds). */
    static final double STATUS_REFRESH_TIME = 0.250;

    private final Printer printer;
    private final Map<String, StepperDump> steppers = new TreeMap<>();
    private final Map<String, TrapqDump> trapqs = new TreeMap<>();
    private double nextStatusTime;
    private Map<String, Object> lastStatus;

    public MotionReport(Printer printer) {
        this.printer = printer;
        lastStatus = status(new double[] {0., 0., 0., 0.}, 0., 0., List.of(), List.of());
        printer.registerEventHandler(PrinterEvents.CONNECT, args -> connect());
    }

    private void connect() {
        printer.findObject(MotionQueuing.NAME, MotionQueuing.class).ifPresent(mq -> {
            for (Stepper s : mq.getSteppers()) {
                steppers.put(s.getName(), new StepperDump(printer, s));
            }
        });
        Toolhead toolhead = printer.lookupObject("toolhead", Toolhead.class);
        trapqs.put("toolhead", new TrapqDump(printer, "toolhead", toolhead.getTrapq()));
        for (int i = 0; i < 99; i++) {
            String name = i == 0 ? "extruder" : "extruder" + i;
            ExtraAxis extruder = printer.findObject(name, ExtraAxis.class).orElse(null);
            if (extruder == null) {
                break;
            }
            TrapQueue trapq = extruder.getTrapq();
            if (trapq != null) {
                trapqs.put(name, new TrapqDump(printer, name, trapq));
            }
        }
        lastStatus = status(new double[] {0., 0., 0., 0.}, 0., 0., new ArrayList<>(steppers.keySet()),
                new ArrayList<>(trapqs.keySet()));
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        if (eventtime < nextStatusTime || trapqs.isEmpty()) {
            return lastStatus;
        }
        nextStatusTime = eventtime + STATUS_REFRESH_TIME;
        double printTime = printer.lookupObject("mcu", Mcu.class).estimatedPrintTime(eventtime);
        double[] pos = {0., 0., 0., 0.};
        double velocity = 0.;
        double extruderVelocity = 0.;
        double[] xyz = trapqs.get("toolhead").positionAndVelocity(printTime);
        if (xyz != null) {
            System.arraycopy(xyz, 0, pos, 0, 3);
            velocity = xyz[3];
        }
        Toolhead toolhead = printer.lookupObject("toolhead", Toolhead.class);
        TrapqDump extruder = trapqs.get(toolhead.getExtruder().getName());
        if (extruder != null) {
            double[] e = extruder.positionAndVelocity(printTime);
            if (e != null) {
                pos[3] = e[0];
                extruderVelocity = e[3];
            }
        }
        lastStatus = status(pos, velocity, extruderVelocity, (List<?>) lastStatus.get("steppers"),
                (List<?>) lastStatus.get("trapq"));
        return lastStatus;
    }

    private static Map<String, Object> status(double[] pos, double velocity, double extruderVelocity,
            List<?> stepperNames, List<?> trapqNames) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("live_position", List.of(pos[0], pos[1], pos[2], pos[3]));
        status.put("live_velocity", velocity);
        status.put("live_extruder_velocity", extruderVelocity);
        status.put("steppers", List.copyOf(stepperNames));
        status.put("trapq", List.copyOf(trapqNames));
        return status;
    }

    /** The dump of a stepper by name, or null. */
    StepperDump stepperDump(String name) {
        return steppers.get(name);
    }

    /** The dump of a trapq ({@code toolhead}, {@code extruder}, ...) by name, or null. */
    TrapqDump trapqDump(String name) {
        return trapqs.get(name);
    }
}
