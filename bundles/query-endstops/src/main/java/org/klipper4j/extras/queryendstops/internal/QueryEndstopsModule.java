/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.queryendstops.internal;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;
import org.osgi.service.component.annotations.Component;

/** Serves {@code query_endstops}, which every rail with an endstop loads. */
@Component(service = PrinterModule.class, property = {"klipper.section=query_endstops"})
public class QueryEndstopsModule implements PrinterModule {

    @Override
    public Object load(ConfigSection config) {
        return new EndstopQuery(config);
    }
}
