/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.extruder.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.PrinterModule;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/** The component registers one extruder module per section name and withdraws them all. */
class ExtruderModulesTest {
    private final List<String> sections = new ArrayList<>();
    private final List<Object> services = new ArrayList<>();
    private int unregistered;

    private BundleContext context() {
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {BundleContext.class}, (p, m, a) -> {
                    if (m.getName().equals("registerService") && a[0] == PrinterModule.class) {
                        sections.add((String) ((Dictionary<?, ?>) a[2]).get(PrinterModule.SECTION));
                        services.add(a[1]);
                        return Proxy.newProxyInstance(getClass().getClassLoader(),
                                new Class<?>[] {ServiceRegistration.class}, (p2, m2, a2) -> {
                                    if (m2.getName().equals("unregister")) {
                                        unregistered++;
                                    }
                                    return null;
                                });
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }

    @Test
    void registersExtruderAndExtruder1To9() {
        ExtruderModules modules = new ExtruderModules();
        modules.activate(context());
        assertEquals(List.of("extruder", "extruder1", "extruder2", "extruder3", "extruder4", "extruder5",
                "extruder6", "extruder7", "extruder8", "extruder9"), sections);
        assertTrue(services.stream().allMatch(s -> s instanceof ExtruderModule));
        modules.deactivate();
        assertEquals(10, unregistered);
    }
}
