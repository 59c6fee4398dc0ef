/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.heaters.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.internal.config.PrinterConfig;
import org.klipper4j.extras.heaters.api.Heaters;
import org.klipper4j.testkit.FakeConfigFile;
import org.klipper4j.testkit.FakeGCode;
import org.klipper4j.testkit.FakeMcu;
import org.klipper4j.testkit.FakePins;
import org.klipper4j.testkit.FakeSpi;
import org.klipper4j.testkit.FakePrinter;
import org.klipper4j.testkit.FakeReactor;

/**
 * A printer built from printer.cfg text with the core's real config parser, this
 * bundle's modules and fake MCU objects: sections load in file order, then the
 * identify, connect and ready events, as the host does.
 */
final class PrinterFixture {
    /** The MCU's clock: 1 MHz keeps the clocks in expectations readable. */
    static final double CLOCK_FREQ = 1_000_000.;
    /** Print time is reactor time minus this: the reactor starts at 1000 s, print time at 10 s. */
    static final double PRINT_TIME_OFFSET = 990.;

    final FakePrinter printer;
    final FakeMcu mcu;
    final FakePins pins;
    final FakeGCode gcode = new FakeGCode();
    final FakeConfigFile configfile = new FakeConfigFile();
    final FakeSpi spi;
    private final PrinterConfig config;

    PrinterFixture(Path dir, String cfg, boolean batch) throws IOException {
        printer = new FakePrinter(batch);
        mcu = new FakeMcu(printer, "mcu", CLOCK_FREQ, PRINT_TIME_OFFSET);
        pins = new FakePins(mcu);
        spi = new FakeSpi(mcu);
        printer.addObject("buses", spi);
        printer.addObject("gcode", gcode);
        printer.addObject("mcu", mcu);
        printer.addObject("pins", pins);
        printer.addObject("configfile", configfile);
        printer.addModule("heaters", new HeatersModule());
        printer.addModule("heater_bed", new HeaterBedModule());
        printer.addModule("heater_generic", new HeaterGenericModule());
        printer.addModule("verify_heater", new VerifyHeaterModule());
        printer.addModule("pid_calibrate", new PidCalibrateModule());
        printer.addModule("temperature_sensor", new TemperatureSensorModule());
        printer.addModule("thermistor", new ThermistorModule());
        printer.addModule("adc_temperature", new AdcTemperatureModule());
        Path file = dir.resolve("printer.cfg");
        Files.writeString(file, cfg);
        config = PrinterConfig.load(printer, file);
    }

    /** Loads every section and runs the start events; config errors propagate. */
    PrinterFixture start() {
        connect();
        printer.sendEvent(PrinterEvents.READY);
        return this;
    }

    /** Loads every section and runs the identify and connect events, but not ready. */
    PrinterFixture connect() {
        for (ConfigSection section : config.sections()) {
            printer.loadObject(section, section.getName());
        }
        printer.sendEvent(PrinterEvents.MCU_IDENTIFY);
        mcu.buildConfig();
        printer.sendEvent(PrinterEvents.CONNECT);
        return this;
    }

    FakeReactor reactor() {
        return printer.reactor();
    }

    Heaters heaters() {
        return printer.lookupObject("heaters", Heaters.class);
    }

    /** A plant on the heater with sensor pin {@code sensorPin} and heater pin {@code heaterPin}. */
    ThermalPlant plant(String sensorPin, String heaterPin, double heatingRate, double coolingTau) {
        return new ThermalPlant(reactor(), pins.adcs.get(sensorPin), pins.pwms.get(heaterPin), heatingRate,
                coolingTau);
    }
}
