/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.extruder.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.core.api.motion.Toolhead;
import org.klipper4j.core.internal.config.PrinterConfig;
import org.klipper4j.core.internal.toolhead.KinematicsRegistry;
import org.klipper4j.core.internal.toolhead.ToolheadModule;
import org.klipper4j.kinematics.cartesian.internal.CartesianKinematicsFactory;
import org.klipper4j.kinematics.testing.MoveGcodeRun;
import org.klipper4j.kinematics.testing.SimPrinter;

/**
 * A cartesian printer on a simulated MCU with the real toolhead and step
 * pipeline, and this bundle's extruders built from the config's extruder
 * sections (before [printer], as the host does). Extruder commands go to a
 * {@link FakeGCode}; heaters are {@link FakeHeaters}.
 */
final class ExtruderPrinter {
    final SimPrinter printer;
    final Toolhead toolhead;
    final FakeGCode gcode = new FakeGCode();
    final FakeHeaters heaters = new FakeHeaters();
    final List<Object> extruders = new ArrayList<>();
    final PrinterConfig config;

    ExtruderPrinter(Path dir, String configText) throws IOException {
        Path cfg = dir.resolve("printer.cfg");
        Files.writeString(cfg, configText);
        printer = new SimPrinter(cfg);
        config = PrinterConfig.load(printer, cfg);
        printer.addObject("heaters", heaters);
        GCodeDispatch motionGcode = printer.lookupObject("gcode", GCodeDispatch.class);
        printer.replaceObject("gcode", gcode);
        for (String name : List.of("extruder", "extruder1", "extruder2")) {
            if (configText.contains("[" + name + "]")) {
                ConfigSection section = config.section(name);
                Object ex = new ExtruderModule().load(section);
                printer.addObject(name, ex);
                extruders.add(ex);
            }
        }
        for (String line : configText.split("\n")) {
            if (line.startsWith("[extruder_stepper ")) {
                String name = line.substring(1, line.indexOf(']'));
                Object es = new ExtruderStepperModule().load(config.section(name));
                printer.addObject(name, es);
                extruders.add(es);
            }
        }
        // the toolhead's own commands (G28, ...) stay on the simulated printer's dispatcher
        printer.replaceObject("gcode", motionGcode);
        KinematicsRegistry kinematics = new KinematicsRegistry();
        kinematics.register("cartesian", new CartesianKinematicsFactory());
        new ToolheadModule(kinematics).load(config.section("printer"));
        toolhead = printer.lookupObject("toolhead", Toolhead.class);
        printer.replaceObject("gcode", gcode);
        printer.mcu.connect();
        printer.sendEvent(PrinterEvents.CONNECT);
    }

    static ExtruderPrinter fromResource(Path dir, String resource) throws IOException {
        return new ExtruderPrinter(dir, MoveGcodeRun.resource(resource));
    }

    PrinterExtruder extruder(String name) {
        return printer.lookupObject(name, PrinterExtruder.class);
    }

    void move(double x, double y, double z, double e, double speed) {
        toolhead.move(new double[] {x, y, z, e}, speed);
    }

    void home() throws Exception {
        printer.run("G28");
    }
}
