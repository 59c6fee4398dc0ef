/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.pauseresume.internal;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;
import org.osgi.service.component.annotations.Component;

/** Serves the {@code [pause_resume]} section. */
@Component(service = PrinterModule.class, property = {"klipper.section=pause_resume"})
public class PauseResumeModule implements PrinterModule {

    @Override
    public Object load(ConfigSection config) {
        return new PauseResume(config);
    }
}
