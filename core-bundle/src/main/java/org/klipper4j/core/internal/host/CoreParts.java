/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.host;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.PrinterModule;
import org.klipper4j.core.api.StartArgs;
import org.klipper4j.core.internal.config.ConfigFileObject;
import org.klipper4j.core.internal.config.PrinterConfig;
import org.klipper4j.core.internal.gcode.GCodeDispatcher;
import org.klipper4j.core.internal.gcode.GCodeFileInput;
import org.klipper4j.core.internal.gcode.GCodeMove;
import org.klipper4j.core.internal.gcode.Respond;
import org.klipper4j.core.internal.toolhead.ToolheadModule;
import org.klipper4j.core.internal.toolhead.KinematicsRegistry;
import org.klipper4j.core.internal.webhooks.WebhooksServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core's own printer objects of one printer: the G-code dispatcher, the API
 * socket, configfile, gcode_move and the batch input, created and closed with it.
 */
final class CoreParts {
    private static final Logger LOG = LoggerFactory.getLogger(CoreParts.class);
    private static final Logger GCODE_OUT = LoggerFactory.getLogger("gcode");

    private final PrinterImpl printer;
    private final StartArgs args;
    private GCodeDispatcher gcode;
    private WebhooksServer webhooks;
    private GCodeFileInput fileInput;

    private final java.io.Reader batchInput;

    /** @param batchInput the open -i input of the run (kept across restarts), or null */
    CoreParts(PrinterImpl printer, java.io.Reader batchInput) {
        this.printer = printer;
        this.args = printer.getStartArgs();
        this.batchInput = batchInput;
    }

    /** Sections served by the core itself. */
    static Map<String, PrinterModule> internalModules(KinematicsRegistry kinematics) {
        return Map.of("respond", Respond::new, "printer", new ToolheadModule(kinematics));
    }

    /** gcode and webhooks exist before the config is read, so RESTART and the API work even after a config error. */
    void createEarlyObjects() {
        gcode = new GCodeDispatcher(printer);
        printer.addObject("gcode", gcode);
        webhooks = new WebhooksServer(printer);
        printer.addObject("webhooks", webhooks);
        if (args.inputFile().isPresent()) {
            fileInput = new GCodeFileInput(printer, gcode, args.inputFile().get(), batchInput);
            // batch responses have no terminal to go to: keep them in the log
            gcode.registerOutputHandler(line -> GCODE_OUT.info(line));
        }
        args.apiServer().ifPresent(path -> {
            try {
                webhooks.start(path);
            } catch (IOException e) {
                throw new ConfigException("Unable to open the API socket '" + path + "': " + e.getMessage(), e);
            }
        });
    }

    PrinterConfig readConfig(Path file) {
        PrinterConfig config = PrinterConfig.load(printer, file);
        ConfigFileObject configFile = new ConfigFileObject(printer, config);
        printer.addObject("configfile", configFile);
        configFile.register(gcode);
        printer.addObject("gcode_move", new GCodeMove(printer));
        return config;
    }

    void respondInfo(String message) {
        if (gcode != null) {
            gcode.respondInfo(message);
        }
    }

    GCodeDispatcher gcode() {
        return gcode;
    }

    void close() {
        if (webhooks != null) {
            webhooks.stop();
        }
        LOG.debug("Core parts closed");
    }
}
