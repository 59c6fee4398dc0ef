/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.host;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.PrinterModule;
import org.klipper4j.core.api.mcu.McuLinkProvider;
import org.klipper4j.mcu.internal.link.McuLinkOpener;
import org.klipper4j.core.api.mcu.Buses;
import org.klipper4j.mcu.internal.objects.BusesImpl;
import org.klipper4j.mcu.internal.pins.PinsRegistry;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Serves {@code [mcu]} and {@code [mcu NAME]}: one {@link McuImpl} per section, registered
 * as {@code mcu} / {@code mcu NAME} and as a pin chip. Makes sure the {@code pins},
 * {@code buses} and {@code statistics} objects exist. Links with a {@code scheme:} come from
 * {@link McuLinkProvider} services.
 */
@Component(service = PrinterModule.class,
        property = {PrinterModule.SECTION + "=mcu", PrinterModule.PREFIX + "=true"})
public final class McuModule implements PrinterModule {
    private final McuLinkOpener linkOpener;
    private final Set<String> restartPending = ConcurrentHashMap.newKeySet();
    private final McuImpl.RestartTracker restarts = new McuImpl.RestartTracker() {
        @Override
        public boolean tryRestart(String mcuName) {
            return restartPending.add(mcuName);
        }

        @Override
        public void connected(String mcuName) {
            restartPending.remove(mcuName);
        }
    };

    /** For DS. */
    public McuModule() {
        this(new McuLinkOpener());
    }

    /** With a given link opener (tests hand providers to it directly). */
    public McuModule(McuLinkOpener linkOpener) {
        this.linkOpener = linkOpener;
    }

    @Reference(service = McuLinkProvider.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, unbind = "removeLinkProvider")
    void addLinkProvider(McuLinkProvider provider, Map<String, Object> properties) {
        Object scheme = properties.get(McuLinkProvider.SCHEME);
        if (scheme != null) {
            linkOpener.addProvider(String.valueOf(scheme), provider);
        }
    }

    void removeLinkProvider(McuLinkProvider provider, Map<String, Object> properties) {
        Object scheme = properties.get(McuLinkProvider.SCHEME);
        if (scheme != null) {
            linkOpener.removeProvider(String.valueOf(scheme), provider);
        }
    }

    @Override
    public Object load(ConfigSection config) {
        Printer printer = config.getPrinter();
        PinsRegistry.ensure(printer);
        if (printer.findObject("buses", Buses.class).isEmpty()) {
            printer.addObject("buses", new BusesImpl(printer));
        }
        PrinterStatsLogger.ensure(printer);
        McuImpl main = null;
        if (!config.getName().equals("mcu")) {
            // the main MCU first: its clock is the reference of the others
            main = (McuImpl) printer.loadObject(config, "mcu");
        }
        return new McuImpl(printer, McuOptions.read(config), linkOpener, restarts, main);
    }
}
