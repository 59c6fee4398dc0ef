/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.servo.internal;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;
import org.osgi.service.component.annotations.Component;

/** Serves {@code [servo NAME]} sections. */
@Component(service = PrinterModule.class, property = {"klipper.section=servo", "klipper.prefix=true"})
public class ServoModule implements PrinterModule {

    @Override
    public Object load(ConfigSection config) {
        return new PrinterServo(config);
    }
}
