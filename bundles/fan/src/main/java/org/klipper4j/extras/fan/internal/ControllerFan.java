/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.fan.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.core.api.reactor.Reactor;
import org.klipper4j.extras.outputpin.api.McuTimes;

/**
 * {@code [controller_fan NAME]}: runs at {@code fan_speed} while a stepper is
 * enabled or a heater has a target, then at {@code idle_speed} for
 * {@code idle_timeout} seconds; checked once a second.
 */
final class ControllerFan implements StatusProvider {
    private final Printer printer;
    private final FanCore fan;
    private final double fanSpeed;
    private final double idleSpeed;
    private final int idleTimeout;
    private final List<String> heaterNames;
    private List<String> stepperNames;
    private SteppersEnabled steppers;
    private HeaterReadings heaters;
    private int lastOn;
    private double lastSpeed;

    ControllerFan(ConfigSection config) {
        printer = config.getPrinter();
        stepperNames = config.getList("stepper", null, ",");
        fan = new FanCore(config, 0.);
        fanSpeed = config.getFloat("fan_speed", 1., Bounds.range(0., 1.));
        idleSpeed = config.getFloat("idle_speed", fanSpeed, Bounds.range(0., 1.));
        idleTimeout = config.getInt("idle_timeout", 30, 0, null);
        heaterNames = config.getList("heater", List.of("extruder"), ",");
        lastOn = idleTimeout;
        printer.registerEventHandler(PrinterEvents.CONNECT, args -> connect());
        printer.registerEventHandler(PrinterEvents.READY, args -> {
            Reactor reactor = printer.getReactor();
            reactor.registerTimer(this::check, reactor.monotonic() + McuTimes.MIN_SCHEDULE_TIME);
        });
    }

    private void connect() {
        heaters = HeaterReadings.lookup(printer, heaterNames);
        steppers = new SteppersEnabled(printer);
        List<String> all = steppers.names(printer.getReactor().monotonic());
        if (stepperNames == null) {
            stepperNames = all;
            return;
        }
        if (!all.containsAll(stepperNames)) {
            throw new ConfigException("One or more of these steppers are unknown: "
                    + stepperNames.stream().map(s -> "'" + s + "'").collect(Collectors.joining(", ", "[", "]"))
                    + " (valid steppers are: " + String.join(", ", all) + ")");
        }
    }

    double check(double eventtime) {
        boolean active = false;
        for (String name : stepperNames) {
            active |= steppers.isEnabled(name, eventtime);
        }
        for (HeaterReadings.Reading heater : heaters.read(eventtime)) {
            if (heater.target() != 0.) {
                active = true;
            }
        }
        double speed = 0.;
        if (active) {
            lastOn = 0;
            speed = fanSpeed;
        } else if (lastOn < idleTimeout) {
            speed = idleSpeed;
            lastOn++;
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
