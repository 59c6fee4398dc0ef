/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.probe.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.core.api.motion.Kinematics;
import org.klipper4j.core.api.motion.Stepper;
import org.klipper4j.core.api.motion.Toolhead;

/**
 * The manual Z probe (Klipper's ManualProbeHelper): registers TESTZ, ACCEPT, NEXT and ABORT
 * until the user accepts a height (the callback gets the kinematic position [x, y, z]) or
 * aborts (the callback gets null).
 */
public final class ManualProbeHelper {
    static final double Z_BOB_MINIMUM = 0.500;
    static final double BISECT_MAX = 0.200;

    private final Printer printer;
    private final Consumer<double[]> finalizeCallback;
    private final GCodeDispatch gcode;
    private final Toolhead toolhead;
    private final ManualProbe status;
    private final double speed;
    private final List<Double> pastPositions = new ArrayList<>();
    private final double[] startPosition;
    private double[] lastToolheadPos;
    private double[] lastKinematicsPos;

    /** Starts the helper: checks none is running, registers the commands and reports Z. */
    public ManualProbeHelper(Printer printer, GCodeCommand gcmd, Consumer<double[]> finalizeCallback) {
        this.printer = printer;
        this.finalizeCallback = finalizeCallback;
        this.gcode = printer.lookupObject("gcode", GCodeDispatch.class);
        this.toolhead = printer.lookupObject("toolhead", Toolhead.class);
        this.status = printer.findObject(ManualProbe.NAME, ManualProbe.class).orElse(null);
        this.speed = gcmd.getFloat("SPEED", 5.);
        verifyNoManualProbe(printer);
        gcode.registerCommand("ACCEPT", this::cmdAccept, "Accept the current Z position");
        gcode.registerCommand("NEXT", this::cmdAccept, null);
        gcode.registerCommand("ABORT", c -> finish(false), "Abort manual Z probing tool");
        gcode.registerCommand("TESTZ", this::cmdTestz, "Move to new Z height");
        gcode.respondInfo("Starting manual Z probe. Use TESTZ to adjust position.\n"
                + "Finish with ACCEPT or ABORT command.");
        startPosition = toolhead.getPosition();
        reportZStatus(false, 0.);
    }

    /** Fails when a manual probe (or another ACCEPT user) is already running. */
    public static void verifyNoManualProbe(Printer printer) {
        if (printer.lookupObject("gcode", GCodeDispatch.class).isRegistered("ACCEPT")) {
            throw new CommandError("Already in a manual Z probe. Use ABORT to abort it.");
        }
    }

    private double[] kinematicsPosition() {
        double[] thpos = toolhead.getPosition();
        if (Arrays.equals(thpos, lastToolheadPos)) {
            return lastKinematicsPos;
        }
        toolhead.flushStepGeneration();
        Kinematics kin = toolhead.getKinematics();
        Map<String, Double> spos = new HashMap<>();
        for (Stepper s : kin.getSteppers()) {
            spos.put(s.getName(), s.getCommandedPosition());
        }
        lastToolheadPos = thpos;
        lastKinematicsPos = kin.calcPosition(spos);
        return lastKinematicsPos;
    }

    private void moveZ(double zPos) {
        double[] curpos = toolhead.getPosition();
        try {
            double zBobPos = zPos + Z_BOB_MINIMUM;
            if (curpos[2] < zBobPos) {
                toolhead.manualMove(new double[] {Double.NaN, Double.NaN, zBobPos}, speed);
            }
            toolhead.manualMove(new double[] {Double.NaN, Double.NaN, zPos}, speed);
        } catch (CommandError e) {
            finish(false);
            throw e;
        }
    }

    private static String f3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private void reportZStatus(boolean warnNoChange, double prevZ) {
        double zPos = kinematicsPosition()[2];
        if (warnNoChange && zPos == prevZ) {
            gcode.respondInfo("WARNING: No change in position (reached stepper resolution)");
        }
        int next = bisectLeft(zPos);
        int prev = next - 1;
        if (next < pastPositions.size() && pastPositions.get(next) == zPos) {
            next++;
        }
        Double prevVal = prev >= 0 ? pastPositions.get(prev) : null;
        Double nextVal = next < pastPositions.size() ? pastPositions.get(next) : null;
        if (status != null) {
            Map<String, Object> st = new LinkedHashMap<>();
            st.put("is_active", true);
            st.put("z_position", zPos);
            st.put("z_position_lower", prevVal);
            st.put("z_position_upper", nextVal);
            status.setStatus(st);
        }
        gcode.respondInfo("Z position: " + (prevVal == null ? "??????" : f3(prevVal)) + " --> " + f3(zPos)
                + " <-- " + (nextVal == null ? "??????" : f3(nextVal)));
    }

    private int bisectLeft(double z) {
        int i = Collections.binarySearch(pastPositions, z);
        if (i < 0) {
            return -i - 1;
        }
        while (i > 0 && pastPositions.get(i - 1) == z) {
            i--;
        }
        return i;
    }

    private void cmdAccept(GCodeCommand gcmd) {
        double[] pos = toolhead.getPosition();
        if (pos[0] != startPosition[0] || pos[1] != startPosition[1] || pos[2] >= startPosition[2]) {
            gcmd.respondInfo("Manual probe failed! Use TESTZ commands to position the\n"
                    + "nozzle prior to running ACCEPT.");
            finish(false);
            return;
        }
        finish(true);
    }

    private void cmdTestz(GCodeCommand gcmd) {
        double zPos = kinematicsPosition()[2];
        int insertPos = bisectLeft(zPos);
        if (insertPos >= pastPositions.size() || pastPositions.get(insertPos) != zPos) {
            pastPositions.add(insertPos, zPos);
        }
        String req = gcmd.get("Z");
        double nextZ;
        if (req.equals("+") || req.equals("++")) {
            double checkZ = 9999999999999.9;
            if (insertPos < pastPositions.size() - 1) {
                checkZ = pastPositions.get(insertPos + 1);
            }
            if (req.equals("+")) {
                checkZ = (checkZ + zPos) / 2.;
            }
            nextZ = Math.min(checkZ, zPos + BISECT_MAX);
        } else if (req.equals("-") || req.equals("--")) {
            double checkZ = -9999999999999.9;
            if (insertPos > 0) {
                checkZ = pastPositions.get(insertPos - 1);
            }
            if (req.equals("-")) {
                checkZ = (checkZ + zPos) / 2.;
            }
            nextZ = Math.max(checkZ, zPos - BISECT_MAX);
        } else {
            nextZ = zPos + gcmd.getFloat("Z");
        }
        moveZ(nextZ);
        reportZStatus(nextZ != zPos, zPos);
    }

    private void finish(boolean success) {
        if (status != null) {
            status.resetStatus();
        }
        gcode.unregisterCommand("ACCEPT");
        gcode.unregisterCommand("NEXT");
        gcode.unregisterCommand("ABORT");
        gcode.unregisterCommand("TESTZ");
        finalizeCallback.accept(success ? kinematicsPosition().clone() : null);
    }
}
