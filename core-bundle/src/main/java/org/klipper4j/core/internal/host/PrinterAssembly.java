/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.host;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.PrinterModule;
import org.klipper4j.core.api.PrinterState;
import org.klipper4j.core.api.StartArgs;
import org.klipper4j.core.internal.config.PrinterConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds one printer as klippy does: the early objects (gcode, webhooks), the
 * config, every section's module in order, the unused-option check, then the
 * connect and ready events; and takes it apart again at the end of its run.
 */
final class PrinterAssembly {
    private static final Logger LOG = LoggerFactory.getLogger(PrinterAssembly.class);

    private final PrinterImpl printer;
    private final StartArgs args;
    private final KnownSections knownSections = new KnownSections();
    private final CoreParts parts;
    private boolean deferralAnnounced;

    PrinterAssembly(PrinterImpl printer, java.io.Reader batchInput) {
        this.printer = printer;
        this.args = printer.getStartArgs();
        this.parts = new CoreParts(printer, batchInput);
    }

    /** Modules the core itself serves (sections that need no bundle). */
    static Map<String, PrinterModule> internalModules(ModuleRegistry.Snapshot modules) {
        return CoreParts.internalModules(modules.kinematics());
    }

    /** Runs on the reactor as its first callback. */
    void start() {
        StartupLog.printerStart(printer.getReactor().monotonic());
        try {
            parts.createEarlyObjects();
            loadConfig();
            if (args.checkConfigOnly()) {
                LOG.info("Config is valid");
                printer.requestExit("exit");
                return;
            }
            printer.sendEvent(PrinterEvents.MCU_IDENTIFY);
            printer.sendEvent(PrinterEvents.CONNECT);
            printer.setState(PrinterState.READY, StateMessages.READY);
            printer.sendEvent(PrinterEvents.READY);
        } catch (ConfigException e) {
            failStart("Config error", e.getMessage(), e);
        } catch (RuntimeException e) {
            failStart("Internal error during connect", "Internal error during connect: " + e, e);
        }
    }

    private void failStart(String logTitle, String message, RuntimeException e) {
        if (e instanceof ConfigException) {
            LOG.error("{}: {}", logTitle, message);
            LOG.debug("Config error detail", e);
        } else {
            LOG.error(logTitle, e);
        }
        printer.setState(PrinterState.ERROR, message + "\n" + StateMessages.RESTART_HINT);
        if (args.checkConfigOnly()) {
            System.err.println("Config error: " + message.lines().findFirst().orElse(message));
            printer.requestExit("error_exit");
        } else if (args.isBatch()) {
            printer.requestExit("error_exit");
        }
    }

    private void loadConfig() {
        PrinterConfig config = parts.readConfig(args.configFile());
        StartupLog.config(config.logText());
        ConfigSection root = config.sectionOrEmpty("printer");
        for (ConfigSection section : orderForLoading(config.sections())) {
            String name = section.getName();
            if (printer.moduleFor(name) != null) {
                printer.loadObject(root, name);
            } else {
                printer.modules().findByName(name).ifPresent(e -> {
                    throw new ConfigException("Section '" + name + "' is not valid: module '" + e.section()
                            + "' from " + e.origin() + (e.prefix() ? " needs a name" : " takes no name"));
                });
            }
        }
        config.checkUnusedOptions(knownSections::hintFor);
    }

    /**
     * Klipper's order: MCUs first (other modules set up pins on them), then the
     * sections in file order, then [printer] (the toolhead and its kinematics), and
     * the extruders ([extruder], [extruder1], ...) last, as Klipper's toolhead adds
     * them. The order decides the MCU object ids, which decide query timing.
     */
    static List<ConfigSection> orderForLoading(List<ConfigSection> sections) {
        Map<String, ConfigSection> mcus = new LinkedHashMap<>();
        List<ConfigSection> rest = new ArrayList<>();
        List<ConfigSection> extruders = new ArrayList<>();
        ConfigSection printerSection = null;
        for (ConfigSection s : sections) {
            String first = ModuleEntry.firstWord(s.getName());
            if (first.equals("mcu")) {
                mcus.put(s.getName(), s);
            } else if (s.getName().equals("printer")) {
                printerSection = s;
            } else if (s.getName().matches("extruder\\d*")) {
                extruders.add(s);
            } else {
                rest.add(s);
            }
        }
        List<ConfigSection> ordered = new ArrayList<>(mcus.values());
        ordered.addAll(rest);
        if (printerSection != null) {
            ordered.add(printerSection);
        }
        ordered.addAll(extruders);
        return ordered;
    }

    /** Says something to the user on every G-code output and in the log. */
    void announce(String message) {
        LOG.info(message);
        parts.respondInfo(message);
        deferralAnnounced = message.contains("deferred");
    }

    CoreParts parts() {
        return parts;
    }

    boolean restartDeferralAnnounced() {
        return deferralAnnounced;
    }

    /** After the reactor stopped: disconnect events, close sockets and inputs. */
    void stop(String result) {
        try {
            if ("firmware_restart".equals(result)) {
                printer.sendEvent(PrinterEvents.FIRMWARE_RESTART);
            }
            printer.sendEvent(PrinterEvents.DISCONNECT);
        } catch (RuntimeException e) {
            LOG.error("Error during disconnect", e);
        } finally {
            parts.close();
        }
    }
}
