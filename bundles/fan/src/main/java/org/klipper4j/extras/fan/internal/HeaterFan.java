/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.fan.internal;

import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.core.api.reactor.Reactor;
import org.klipper4j.extras.outputpin.api.McuTimes;

/**
 * {@code [heater_fan NAME]}: runs at {@code fan_speed} while any of its heaters has
 * a target or is above {@code heater_temp}; checked once a second.
 */
final class HeaterFan implements StatusProvider {
    private final Printer printer;
    private final List<String> heaterNames;
    private final double heaterTemp;
    private final FanCore fan;
    private final double fanSpeed;
    private HeaterReadings heaters;
    private double lastSpeed;

    HeaterFan(ConfigSection config) {
        printer = config.getPrinter();
        heaterNames = config.getList("heater", List.of("extruder"), ",");
        heaterTemp = config.getFloat("heater_temp", 50.);
        // a heater fan runs at full speed on shutdown unless told otherwise
        fan = new FanCore(config, 1.);
        fanSpeed = config.getFloat("fan_speed", 1., Bounds.range(0., 1.));
        printer.registerEventHandler(PrinterEvents.READY, args -> start());
    }

    private void start() {
        heaters = HeaterReadings.lookup(printer, heaterNames);
        Reactor reactor = printer.getReactor();
        reactor.registerTimer(this::check, reactor.monotonic() + McuTimes.MIN_SCHEDULE_TIME);
    }

    double check(double eventtime) {
        double speed = 0.;
        for (HeaterReadings.Reading heater : heaters.read(eventtime)) {
            if (heater.target() != 0. || heater.temperature() > heaterTemp) {
                speed = fanSpeed;
            }
        }
        if (speed != lastSpeed) {
            lastSpeed = speed;
            fan.setSpeed(speed);
        }
        return eventtime + 1.;
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        return fan.getStatus(eventtime);
    }
}
