/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.klipper4j.core.api.Bounds;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.core.api.motion.Toolhead;
import org.klipper4j.core.api.reactor.Reactor;
import org.klipper4j.extras.heaters.api.Heater;
import org.klipper4j.extras.heaters.api.Heaters;
import org.klipper4j.extras.heaters.api.SensorFactory;
import org.klipper4j.extras.heaters.api.TemperatureSensor;
import org.klipper4j.extras.heaters.api.TemperatureSource;

/** The {@code heaters} object: registries, sensor types, M105 and the heater-wide commands. */
final class PrinterHeaters implements Heaters, StatusProvider {
    private final Printer printer;
    private final Map<String, SensorFactory> sensorFactories = new LinkedHashMap<>();
    private final Map<String, HeaterImpl> heaters = new LinkedHashMap<>();
    private final Map<String, TemperatureSource> sensorsByName = new LinkedHashMap<>();
    private final Map<String, TemperatureSource> gcodeIdToSensor = new TreeMap<>();
    private final List<String> availableHeaters = new ArrayList<>();
    private final List<String> availableSensors = new ArrayList<>();
    private final List<String> availableMonitors = new ArrayList<>();
    private boolean hasStarted;
    private String activeExtruder = "extruder";

    PrinterHeaters(Printer printer) {
        this.printer = printer;
        BuiltinSensors.register(printer, this);
        printer.registerEventHandler(PrinterEvents.READY, args -> hasStarted = true);
        printer.registerEventHandler("gcode:request_restart", args -> turnOffAllHeaters());
        GCodeDispatch gcode = printer.lookupObject("gcode", GCodeDispatch.class);
        gcode.registerCommand("TURN_OFF_HEATERS", cmd -> turnOffAllHeaters(), "Turn off all heaters");
        gcode.registerCommand("M105", this::cmdM105, true, null);
        gcode.registerCommand("TEMPERATURE_WAIT", this::cmdTemperatureWait, "Wait for a temperature on a sensor");
        ExtruderTemperatureCommands extruderCommands = new ExtruderTemperatureCommands(this);
        gcode.registerCommand("M104", cmd -> extruderCommands.setTemperature(cmd, false), null);
        gcode.registerCommand("M109", cmd -> extruderCommands.setTemperature(cmd, true), null);
    }

    Printer printer() {
        return printer;
    }

    @Override
    public void setActiveExtruder(String extruderName) {
        activeExtruder = extruderName;
    }

    String getActiveExtruder() {
        return activeExtruder;
    }

    @Override
    public void addSensorFactory(String sensorType, SensorFactory factory) {
        sensorFactories.put(sensorType, factory);
    }

    @Override
    public Heater setupHeater(ConfigSection config, String gcodeId) {
        String[] words = config.getName().trim().split("\\s+");
        String heaterName = words[words.length - 1];
        if (heaters.containsKey(heaterName)) {
            throw config.error("Heater " + heaterName + " already registered");
        }
        TemperatureSensor sensor = setupSensor(config);
        HeaterImpl heater = new HeaterImpl(config, sensor);
        heaters.put(heaterName, heater);
        registerSensor(config, heater, gcodeId);
        availableHeaters.add(config.getName());
        printer.lookupObject("gcode", GCodeDispatch.class).registerMuxCommand("SET_HEATER_TEMPERATURE", "HEATER",
                heaterName, cmd -> setTemperature(heater, cmd.getFloat("TARGET", 0.), false),
                "Sets a heater temperature");
        printer.loadObject(config, "verify_heater " + heaterName);
        printer.loadObject(config, "pid_calibrate");
        return heater;
    }

    @Override
    public Heater lookupHeater(String name) {
        Heater heater = heaters.get(name);
        if (heater == null) {
            throw new ConfigException("Unknown heater '" + name + "'");
        }
        return heater;
    }

    @Override
    public TemperatureSensor setupSensor(ConfigSection config) {
        String sensorType = config.get("sensor_type");
        if (!sensorFactories.containsKey(sensorType)) {
            loadCustomSensorSection(config, sensorType);
        }
        SensorFactory factory = sensorFactories.get(sensorType);
        if (factory == null) {
            throw new ConfigException("Unknown temperature sensor '" + sensorType + "'");
        }
        return factory.create(config);
    }

    /** A [thermistor NAME] or [adc_temperature NAME] defined later in the file is loaded now. */
    private void loadCustomSensorSection(ConfigSection config, String sensorType) {
        for (String kind : List.of("thermistor ", "adc_temperature ")) {
            if (config.hasSection(kind + sensorType)) {
                printer.loadObject(config, kind + sensorType);
            }
        }
    }

    @Override
    public void registerSensor(ConfigSection config, TemperatureSource source, String gcodeId) {
        availableSensors.add(config.getName());
        sensorsByName.put(config.getName(), source);
        String id = gcodeId != null ? gcodeId : config.get("gcode_id", null);
        if (id == null) {
            return;
        }
        if (gcodeIdToSensor.containsKey(id)) {
            throw new ConfigException("G-Code sensor id " + id + " already registered");
        }
        gcodeIdToSensor.put(id, source);
    }

    @Override
    public void registerMonitor(ConfigSection config) {
        availableMonitors.add(config.getName());
    }

    @Override
    public List<String> getAvailableHeaters() {
        return List.copyOf(availableHeaters);
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("available_heaters", List.copyOf(availableHeaters));
        status.put("available_sensors", List.copyOf(availableSensors));
        status.put("available_monitors", List.copyOf(availableMonitors));
        return status;
    }

    @Override
    public void turnOffAllHeaters() {
        for (HeaterImpl heater : heaters.values()) {
            heater.setTemp(0.);
        }
    }

    /** M105's text: {@code B:60.0 /60.0 T0:200.0 /200.0}, sorted by id; {@code T:0} before ready. */
    String temperatureReport(double eventtime) {
        List<String> out = new ArrayList<>();
        if (hasStarted) {
            gcodeIdToSensor.forEach((id, sensor) -> {
                double[] t = sensor.getTemp(eventtime);
                out.add(id + ":" + PyFormat.fixed(t[0], 1) + " /" + PyFormat.fixed(t[1], 1));
            });
        }
        return out.isEmpty() ? "T:0" : String.join(" ", out);
    }

    private void cmdM105(GCodeCommand cmd) {
        String msg = temperatureReport(printer.getReactor().monotonic());
        if (!cmd.ack(msg)) {
            cmd.respondRaw(msg);
        }
    }

    @Override
    public void setTemperature(Heater heater, double temp, boolean wait) {
        // Queue behind the moves already sent, so the change happens in order with them.
        printer.findObject("toolhead", Toolhead.class).ifPresent(t -> t.registerLookaheadCallback(pt -> { }));
        heater.setTemp(temp);
        if (wait && temp != 0.) {
            waitForTemperature(heater);
        }
    }

    private void waitForTemperature(Heater heater) {
        if (BatchMode.of(printer)) {
            return;
        }
        GCodeDispatch gcode = printer.lookupObject("gcode", GCodeDispatch.class);
        Reactor reactor = printer.getReactor();
        double eventtime = reactor.monotonic();
        while (!printer.isShutdown() && heater.checkBusy(eventtime)) {
            printer.findObject("toolhead", Toolhead.class).ifPresent(Toolhead::getLastMoveTime);
            gcode.respondRaw(temperatureReport(eventtime));
            eventtime = reactor.pause(eventtime + 1.);
        }
    }

    private void cmdTemperatureWait(GCodeCommand cmd) {
        String sensorName = cmd.get("SENSOR");
        if (!availableSensors.contains(sensorName)) {
            throw cmd.error("Unknown sensor '" + sensorName + "'");
        }
        double minTemp = cmd.getFloat("MINIMUM", Double.NEGATIVE_INFINITY);
        double maxTemp = cmd.getFloat("MAXIMUM", Double.POSITIVE_INFINITY, Bounds.above(minTemp));
        if (minTemp == Double.NEGATIVE_INFINITY && maxTemp == Double.POSITIVE_INFINITY) {
            throw cmd.error("Error on 'TEMPERATURE_WAIT': missing MINIMUM or MAXIMUM.");
        }
        if (BatchMode.of(printer)) {
            return;
        }
        TemperatureSource sensor = sensorsByName.get(sensorName);
        Reactor reactor = printer.getReactor();
        double eventtime = reactor.monotonic();
        while (!printer.isShutdown()) {
            double temp = sensor.getTemp(eventtime)[0];
            if (temp >= minTemp && temp <= maxTemp) {
                return;
            }
            printer.findObject("toolhead", Toolhead.class).ifPresent(Toolhead::getLastMoveTime);
            cmd.respondRaw(temperatureReport(eventtime));
            eventtime = reactor.pause(eventtime + 1.);
        }
    }
}
