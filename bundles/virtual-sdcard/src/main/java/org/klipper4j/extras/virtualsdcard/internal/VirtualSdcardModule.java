/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualsdcard.internal;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.extras.printstats.api.PrintStats;
import org.osgi.service.component.annotations.Component;

/** Serves the {@code [virtual_sdcard]} section; loads print_stats for the job statistics. */
@Component(service = PrinterModule.class, property = {"klipper.section=virtual_sdcard"})
public final class VirtualSdcardModule implements PrinterModule {

    @Override
    public Object load(ConfigSection config) {
        Object stats = config.getPrinter().loadObject(config, "print_stats");
        if (!(stats instanceof PrintStats printStats)) {
            throw config.error("Section 'virtual_sdcard' needs the print_stats bundle, but 'print_stats' is "
                    + (stats == null ? "missing" : stats.getClass().getName()));
        }
        VirtualSdcard sdcard = new VirtualSdcard(config, printStats);
        sdcard.registerCommands(config.getPrinter().lookupObject("gcode", GCodeDispatch.class));
        return sdcard;
    }
}
