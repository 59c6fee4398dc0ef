/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.printstats.internal;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.osgi.service.component.annotations.Component;

/** Serves the {@code [print_stats]} section (also loaded on demand by virtual_sdcard). */
@Component(service = PrinterModule.class, property = {"klipper.section=print_stats"})
public final class PrintStatsModule implements PrinterModule {

    @Override
    public Object load(ConfigSection config) {
        PrintStatsImpl stats = new PrintStatsImpl(config.getPrinter());
        stats.registerCommands(config.getPrinter().lookupObject("gcode", GCodeDispatch.class));
        return stats;
    }
}
