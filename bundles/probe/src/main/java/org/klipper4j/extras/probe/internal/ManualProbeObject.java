/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.probe.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.klipper4j.core.api.ConfigFile;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.extras.probe.api.ManualProbe;
import org.klipper4j.extras.probe.api.ManualProbeHelper;

/**
 * The {@code manual_probe} object (Klipper's ManualProbe): MANUAL_PROBE, and on printers
 * whose Z rail has a position_endstop, Z_ENDSTOP_CALIBRATE and Z_OFFSET_APPLY_ENDSTOP.
 */
final class ManualProbeObject implements ManualProbe, StatusProvider {
    private static final String SAVE_HINT = "The SAVE_CONFIG command will update the printer config file\n"
            + "with the above and restart the printer.";

    private final Printer printer;
    private final GCodeDispatch gcode;
    private final Double zPositionEndstop;
    private final String zEndstopSection;
    private Map<String, Object> status;

    ManualProbeObject(ConfigSection config) {
        this.printer = config.getPrinter();
        this.gcode = printer.lookupObject("gcode", GCodeDispatch.class);
        gcode.registerCommand("MANUAL_PROBE", this::cmdManualProbe, "Start manual probe helper script");
        ConfigSection zconfig = HomingViaProbe.lookupZEndstopConfig(config);
        if (zconfig != null && zconfig.hasOption("position_endstop")) {
            zPositionEndstop = zconfig.getFloat("position_endstop");
            zEndstopSection = zconfig.getName();
            gcode.registerCommand("Z_ENDSTOP_CALIBRATE", this::cmdZEndstopCalibrate, "Calibrate a Z endstop");
            gcode.registerCommand("Z_OFFSET_APPLY_ENDSTOP", this::cmdZOffsetApplyEndstop,
                    "Adjust the z endstop_position");
        } else {
            zPositionEndstop = null;
            zEndstopSection = null;
        }
        resetStatus();
    }

    @Override
    public void setStatus(Map<String, Object> newStatus) {
        status = Collections.unmodifiableMap(new LinkedHashMap<>(newStatus));
    }

    @Override
    public void resetStatus() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("is_active", false);
        s.put("z_position", null);
        s.put("z_position_lower", null);
        s.put("z_position_upper", null);
        setStatus(s);
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        return status;
    }

    private static String f3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private void cmdManualProbe(GCodeCommand gcmd) {
        new ManualProbeHelper(printer, gcmd, kinPos -> {
            if (kinPos != null) {
                gcode.respondInfo("Z position is " + f3(kinPos[2]));
            }
        });
    }

    private void cmdZEndstopCalibrate(GCodeCommand gcmd) {
        new ManualProbeHelper(printer, gcmd, kinPos -> {
            if (kinPos != null) {
                savePositionEndstop(zPositionEndstop - kinPos[2]);
            }
        });
    }

    private void cmdZOffsetApplyEndstop(GCodeCommand gcmd) {
        double offset = ProbeCommands.homingOriginZ(printer);
        if (offset == 0) {
            gcode.respondInfo("Nothing to do: Z Offset is 0");
            return;
        }
        savePositionEndstop(zPositionEndstop - offset);
    }

    private void savePositionEndstop(double value) {
        gcode.respondInfo(zEndstopSection + ": position_endstop: " + f3(value) + "\n" + SAVE_HINT);
        printer.findObject("configfile", ConfigFile.class)
                .ifPresent(c -> c.set(zEndstopSection, "position_endstop", f3(value)));
    }
}
