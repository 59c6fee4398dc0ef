/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.motionreport.internal;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;
import org.osgi.service.component.annotations.Component;

/** Serves {@code motion_report}, which every stepper loads (no config section needed). */
@Component(service = PrinterModule.class, property = {"klipper.section=motion_report"})
public class MotionReportModule implements PrinterModule {

    @Override
    public Object load(ConfigSection config) {
        return new MotionReport(config.getPrinter());
    }
}
