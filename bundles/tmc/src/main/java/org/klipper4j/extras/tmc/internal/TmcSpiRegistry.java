/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.tmc.internal;

import java.util.HashMap;
import java.util.Map;
import org.klipper4j.core.api.Printer;

/** The daisy chains of a printer by chip-select pin, so drivers of one chain share a device. */
final class TmcSpiRegistry {
    static final String NAME = "tmc_spi_chains";
    final Map<String, TmcSpiChain> chains = new HashMap<>();

    static TmcSpiRegistry of(Printer printer) {
        return printer.findObject(NAME, TmcSpiRegistry.class).orElseGet(() -> {
            TmcSpiRegistry r = new TmcSpiRegistry();
            printer.addObject(NAME, r);
            return r;
        });
    }
}
