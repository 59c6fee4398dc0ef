/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.reactor.Reactor;
import org.klipper4j.core.api.reactor.ReactorTimer;
import org.klipper4j.extras.heaters.api.TemperatureCallback;
import org.klipper4j.extras.heaters.api.TemperatureSensor;

/**
 * sensor_type temperature_combined: the min, max or mean of other objects' reported
 * temperatures, polled every 0.3 s; shuts down when they disagree by more than
 * maximum_deviation or the result leaves min_temp..max_temp.
 */
final class CombinedTemperatureSensor implements TemperatureSensor, StatusProvider {
    static final double REPORT_TIME = 0.300;

    private final Printer printer;
    private final List<String> sensorNames;
    private final double maxDeviation;
    private final Function<List<Double>, Double> method;
    private final List<StatusProvider> sensors = new ArrayList<>();
    private final ReactorTimer timer;
    private double lastTemp;
    private double minTemp;
    private double maxTemp;
    private TemperatureCallback callback = (t, v) -> { };

    CombinedTemperatureSensor(ConfigSection config) {
        printer = config.getPrinter();
        String[] words = config.getName().trim().split("\\s+");
        sensorNames = config.getList("sensor_list", null, ",");
        if (sensorNames == null) {
            config.get("sensor_list"); // throws the "must be specified" error
        }
        maxDeviation = RequiredOptions.getFloat(config, "maximum_deviation", Bounds.above(0.));
        Map<String, Function<List<Double>, Double>> methods = new LinkedHashMap<>();
        methods.put("min", v -> v.stream().mapToDouble(Double::doubleValue).min().orElse(0.));
        methods.put("max", v -> v.stream().mapToDouble(Double::doubleValue).max().orElse(0.));
        methods.put("mean", v -> v.stream().mapToDouble(Double::doubleValue).average().orElse(0.));
        Function<List<Double>, Double> chosen = config.getChoice("combination_method", methods, null);
        if (chosen == null) {
            config.get("combination_method");
        }
        method = chosen;
        printer.addObject("temperature_combined " + words[words.length - 1], this);
        Reactor reactor = printer.getReactor();
        timer = reactor.registerTimer(this::update, Reactor.NEVER);
        printer.registerEventHandler(PrinterEvents.CONNECT, args -> connect());
        // Start a little after ready: the other sensors may not have reported yet.
        printer.registerEventHandler(PrinterEvents.READY,
                args -> reactor.updateTimer(timer, reactor.monotonic() + 1.));
    }

    private void connect() {
        for (String name : sensorNames) {
            Object sensor = printer.lookupObject(name);
            if (!(sensor instanceof StatusProvider)) {
                throw new ConfigException("'" + name + "' does not have a status.");
            }
            Map<String, Object> status = ((StatusProvider) sensor).getStatus(printer.getReactor().monotonic());
            if (!status.containsKey("temperature")) {
                throw new ConfigException("'" + name + "' does not report a temperature.");
            }
            if (status.get("temperature") == null) {
                throw new ConfigException("Temperature monitor '" + name + "' is not supported");
            }
            sensors.add((StatusProvider) sensor);
        }
    }

    private double update(double eventtime) {
        List<Double> values = new ArrayList<>();
        for (StatusProvider s : sensors) {
            values.add(((Number) s.getStatus(eventtime).get("temperature")).doubleValue());
        }
        if (!values.isEmpty()) {
            double hi = values.stream().mapToDouble(Double::doubleValue).max().getAsDouble();
            double lo = values.stream().mapToDouble(Double::doubleValue).min().getAsDouble();
            if (hi - lo > maxDeviation) {
                printer.invokeShutdown(String.format(Locale.ROOT, "COMBINED SENSOR maximum deviation exceeded "
                        + "limit of %s, max sensor value %s, min sensor value %s.", PyFormat.fixed(maxDeviation, 1),
                        PyFormat.fixed(hi, 1), PyFormat.fixed(lo, 1)));
            }
            double temp = method.apply(values);
            if (temp != 0.) {
                lastTemp = temp;
            }
        }
        if (lastTemp < minTemp) {
            printer.invokeShutdown("COMBINED SENSOR temperature " + PyFormat.fixed(lastTemp, 1)
                    + " below minimum temperature of " + PyFormat.fixed(minTemp, 1) + ".");
        }
        if (lastTemp > maxTemp) {
            printer.invokeShutdown("COMBINED SENSOR temperature " + PyFormat.fixed(lastTemp, 1)
                    + " above maximum temperature of " + PyFormat.fixed(maxTemp, 1) + ".");
        }
        double now = printer.getReactor().monotonic();
        callback.onTemperature(printer.lookupObject("mcu", Mcu.class).estimatedPrintTime(now), lastTemp);
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

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        return Map.of("temperature", PyFormat.round(lastTemp, 2));
    }
}
