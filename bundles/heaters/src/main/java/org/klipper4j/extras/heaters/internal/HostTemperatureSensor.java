/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.reactor.Reactor;
import org.klipper4j.core.api.reactor.ReactorTimer;
import org.klipper4j.extras.heaters.api.TemperatureCallback;
import org.klipper4j.extras.heaters.api.TemperatureSensor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The host computer's temperature, read once a second from a sysfs file in millidegrees. */
final class HostTemperatureSensor implements TemperatureSensor {
    static final double REPORT_TIME = 1.0;
    static final String DEFAULT_PATH = "/sys/class/thermal/thermal_zone0/temp";
    private static final Logger LOG = LoggerFactory.getLogger(HostTemperatureSensor.class);

    private final Printer printer;
    private final Path path;
    private double minTemp;
    private double maxTemp;
    private TemperatureCallback callback = (t, v) -> { };

    HostTemperatureSensor(ConfigSection config) {
        printer = config.getPrinter();
        path = Path.of(config.get("sensor_path", DEFAULT_PATH));
        if (BatchMode.of(printer)) {
            return;
        }
        if (!Files.isReadable(path)) {
            throw config.error("Unable to open temperature file '" + path + "'");
        }
        Reactor reactor = printer.getReactor();
        ReactorTimer timer = reactor.registerTimer(this::sample, Reactor.NEVER);
        printer.registerEventHandler(PrinterEvents.CONNECT, args -> reactor.updateTimer(timer, Reactor.NOW));
    }

    private double sample(double eventtime) {
        double temp;
        try {
            temp = Double.parseDouble(Files.readString(path).trim()) / 1000.0;
        } catch (IOException | NumberFormatException e) {
            LOG.error("temperature_host: Error reading data", e);
            return Reactor.NEVER;
        }
        if (temp < minTemp) {
            printer.invokeShutdown(String.format(Locale.ROOT,
                    "HOST temperature %.1f below minimum temperature of %.1f.", temp, minTemp));
        }
        if (temp > maxTemp) {
            printer.invokeShutdown(String.format(Locale.ROOT,
                    "HOST temperature %.1f above maximum temperature of %.1f.", temp, maxTemp));
        }
        double now = printer.getReactor().monotonic();
        callback.onTemperature(printer.lookupObject("mcu", Mcu.class).estimatedPrintTime(now), temp);
        return now + REPORT_TIME;
    }

    @Override
    public void setupMinMax(double minTemp, double maxTemp) {
        this.minTemp = minTemp;
        this.maxTemp = maxTemp;
    }

    @Override
    public void setupCallback(TemperatureCallback callback) {
        this.callback = callback;
    }

    @Override
    public double getReportTimeDelta() {
        return REPORT_TIME;
    }
}
