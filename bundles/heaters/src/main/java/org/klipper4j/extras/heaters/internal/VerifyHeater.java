/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.internal;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.reactor.Reactor;
import org.klipper4j.core.api.reactor.ReactorTimer;
import org.klipper4j.extras.heaters.api.Heater;
import org.klipper4j.extras.heaters.api.Heaters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thermal runaway protection for one heater: once a second it checks that a heater
 * approaching its target gains heating_gain degrees within check_gain_time, and that
 * a heater at its target does not stay below it for an accumulated max_error.
 */
final class VerifyHeater {
    static final String HINT_THERMAL = "\nSee the 'verify_heater' section in docs/Config_Reference.md\n"
            + "for the parameters that control this check.\n";
    private static final Logger LOG = LoggerFactory.getLogger(VerifyHeater.class);

    private final Printer printer;
    private final String heaterName;
    private final double hysteresis;
    private final double maxError;
    private final double heatingGain;
    private final double checkGainTime;
    private Heater heater;
    private ReactorTimer timer;
    private boolean approachingTarget;
    private boolean startingApproach;
    private double lastTarget;
    private double goalTemp;
    private double error;
    private double goalSystime = Reactor.NEVER;

    VerifyHeater(ConfigSection config) {
        printer = config.getPrinter();
        String[] words = config.getName().trim().split("\\s+");
        heaterName = words[words.length - 1];
        hysteresis = config.getFloat("hysteresis", 5., Bounds.min(0.));
        maxError = config.getFloat("max_error", 120., Bounds.min(0.));
        heatingGain = config.getFloat("heating_gain", 2., Bounds.above(0.));
        double defaultGainTime = heaterName.equals("heater_bed") ? 60. : 20.;
        checkGainTime = config.getFloat("check_gain_time", defaultGainTime, Bounds.min(1.));
        printer.registerEventHandler(PrinterEvents.CONNECT, args -> onConnect());
        printer.registerEventHandler(PrinterEvents.SHUTDOWN, args -> onShutdown());
    }

    private void onConnect() {
        if (BatchMode.of(printer)) {
            return; // no heater checks when the output goes to a file
        }
        heater = printer.lookupObject("heaters", Heaters.class).lookupHeater(heaterName);
        LOG.info("Starting heater checks for {}", heaterName);
        timer = printer.getReactor().registerTimer(this::check, Reactor.NOW);
    }

    private void onShutdown() {
        if (timer != null) {
            printer.getReactor().updateTimer(timer, Reactor.NEVER);
        }
    }

    double check(double eventtime) {
        double[] tt = heater.getTemp(eventtime);
        double temp = tt[0];
        double target = tt[1];
        if (temp >= target - hysteresis || target <= 0.) {
            // Near the target (or off): reset the checks
            approachingTarget = false;
            startingApproach = false;
            if (temp <= target + hysteresis) {
                error = 0.;
            }
            lastTarget = target;
            return eventtime + 1.;
        }
        error += (target - hysteresis) - temp;
        if (!approachingTarget) {
            if (target != lastTarget) {
                LOG.info("Heater {} approaching new target of {}", heaterName, target);
                approachingTarget = true;
                startingApproach = true;
                goalTemp = temp + heatingGain;
                goalSystime = eventtime + checkGainTime;
            } else if (error >= maxError) {
                return fault();
            }
        } else if (temp >= goalTemp) {
            // Still heating at the expected rate: move the goal on
            startingApproach = false;
            error = 0.;
            goalTemp = temp + heatingGain;
            goalSystime = eventtime + checkGainTime;
        } else if (eventtime >= goalSystime) {
            // No longer approaching: from now on the accumulated error decides
            approachingTarget = false;
            LOG.info("Heater {} no longer approaching target {}", heaterName, target);
        } else if (startingApproach) {
            goalTemp = Math.min(goalTemp, temp + heatingGain);
        }
        lastTarget = target;
        return eventtime + 1.;
    }

    private double fault() {
        String msg = "Heater " + heaterName + " not heating at expected rate";
        LOG.error(msg);
        printer.invokeShutdown(msg + HINT_THERMAL);
        return Reactor.NEVER;
    }
}
