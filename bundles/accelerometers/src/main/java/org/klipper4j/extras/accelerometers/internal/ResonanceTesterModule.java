/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.accelerometers.internal;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;
import org.osgi.service.component.annotations.Component;

/** Serves {@code [resonance_tester]}: its test settings and accelerometer choice. */
@Component(service = PrinterModule.class, property = {PrinterModule.SECTION + "=resonance_tester"})
public class ResonanceTesterModule implements PrinterModule {

    @Override
    public Object load(ConfigSection config) {
        return new ResonanceTester(config);
    }
}
