/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.sdcardloop.internal;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;
import org.klipper4j.extras.virtualsdcard.api.VirtualSdcardControl;
import org.osgi.service.component.annotations.Component;

/** Serves the {@code [sdcard_loop]} section. */
@Component(service = PrinterModule.class, property = {"klipper.section=sdcard_loop"})
public class SdcardLoopModule implements PrinterModule {

    @Override
    public Object load(ConfigSection config) {
        Object sdcard = config.getPrinter().loadObject(config, "virtual_sdcard");
        SdcardLoop loop = new SdcardLoop((VirtualSdcardControl) sdcard);
        loop.registerCommands(config.getPrinter());
        return loop;
    }
}
