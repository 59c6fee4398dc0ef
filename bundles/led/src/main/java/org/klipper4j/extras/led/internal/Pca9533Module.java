/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.led.internal;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;
import org.osgi.service.component.annotations.Component;

/** Serves the {@code [pca9533 NAME]} sections. */
@Component(service = PrinterModule.class, property = {"klipper.section=pca9533", "klipper.prefix=true"})
public class Pca9533Module implements PrinterModule {

    @Override
    public Object load(ConfigSection config) {
        return new Pca9533(config);
    }
}
