/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.extruder.internal;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import org.klipper4j.core.api.PrinterModule;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Registers the extruder module for each section Klipper names an extruder:
 * {@code extruder}, {@code extruder1} .. {@code extruder9}. Each is a section of
 * its own (not a prefix), and a DS component can name only one section, so this
 * one component registers the ten {@link PrinterModule} services itself and
 * withdraws them when it is deactivated.
 */
@Component(immediate = true, service = {})
public final class ExtruderModules {
    static final int MAX_EXTRA_EXTRUDERS = 9;

    private final List<ServiceRegistration<PrinterModule>> registrations = new ArrayList<>();

    /** The section names served, in order. */
    static List<String> sectionNames() {
        List<String> names = new ArrayList<>();
        names.add("extruder");
        for (int i = 1; i <= MAX_EXTRA_EXTRUDERS; i++) {
            names.add("extruder" + i);
        }
        return names;
    }

    @Activate
    void activate(BundleContext context) {
        for (String section : sectionNames()) {
            Dictionary<String, Object> props = new Hashtable<>();
            props.put(PrinterModule.SECTION, section);
            registrations.add(context.registerService(PrinterModule.class, new ExtruderModule(), props));
        }
    }

    @Deactivate
    void deactivate() {
        for (ServiceRegistration<PrinterModule> r : registrations) {
            r.unregister();
        }
        registrations.clear();
    }
}
