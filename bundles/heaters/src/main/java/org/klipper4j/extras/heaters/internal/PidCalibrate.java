/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.internal;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigFile;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.core.api.motion.Toolhead;
import org.klipper4j.extras.heaters.api.Heater;
import org.klipper4j.extras.heaters.api.HeaterControl;
import org.klipper4j.extras.heaters.api.Heaters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** PID_CALIBRATE: runs the relay test on a heater and stages the gains for SAVE_CONFIG. */
final class PidCalibrate {
    private static final Logger LOG = LoggerFactory.getLogger(PidCalibrate.class);
    private final Printer printer;

    PidCalibrate(Printer printer) {
        this.printer = printer;
        printer.lookupObject("gcode", GCodeDispatch.class).registerCommand("PID_CALIBRATE", this::cmdPidCalibrate,
                "Run PID calibration test");
    }

    private void cmdPidCalibrate(GCodeCommand cmd) {
        String heaterName = cmd.get("HEATER");
        double target = cmd.getFloat("TARGET");
        Heaters heaters = printer.lookupObject("heaters", Heaters.class);
        Heater heater;
        try {
            heater = heaters.lookupHeater(heaterName);
        } catch (ConfigException e) {
            throw cmd.error(e.getMessage());
        }
        printer.findObject("toolhead", Toolhead.class).ifPresent(Toolhead::getLastMoveTime);
        AutoTuneControl calibrate = new AutoTuneControl(heater, target);
        HeaterControl old = heater.setControl(calibrate);
        try {
            heaters.setTemperature(heater, target, true);
        } catch (CommandError e) {
            heater.setControl(old);
            throw e;
        }
        heater.setControl(old);
        if (calibrate.checkBusy(0., 0., 0.)) {
            throw cmd.error("pid_calibrate interrupted");
        }
        double[] pid = calibrate.calcFinalPid();
        String kp = PyFormat.fixed(pid[0], 3);
        String ki = PyFormat.fixed(pid[1], 3);
        String kd = PyFormat.fixed(pid[2], 3);
        LOG.info("Autotune: final: Kp={} Ki={} Kd={}", pid[0], pid[1], pid[2]);
        cmd.respondInfo("PID parameters: pid_Kp=" + kp + " pid_Ki=" + ki + " pid_Kd=" + kd + "\n"
                + "The SAVE_CONFIG command will update the printer config file\n"
                + "with these parameters and restart the printer.");
        String section = heater instanceof HeaterImpl ? ((HeaterImpl) heater).getSectionName() : heater.getName();
        ConfigFile configfile = printer.lookupObject("configfile", ConfigFile.class);
        configfile.set(section, "control", "pid");
        configfile.set(section, "pid_Kp", kp);
        configfile.set(section, "pid_Ki", ki);
        configfile.set(section, "pid_Kd", kd);
    }
}
