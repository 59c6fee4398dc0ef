/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.feature;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.klipper4j.core.api.PrinterHost;
import org.klipper4j.core.api.PrinterState;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/** Every bundle the distribution ships boots (the list is read from its bundles folder, so it cannot go stale): all ACTIVE, SCR running every component, the printer host ready. */
@RunWith(PaxExam.class)
public class BootIT {

    @Inject
    private BundleContext context;

    @Inject
    private ServiceComponentRuntime scr;

    @Inject
    private PrinterHost host;

    @Configuration
    public Option[] config() {
        return options(ItSetup.framework("BootIT", "[print_stats]\n\n[greeter]\nmessage: Hi\n\n"
                        + "[gcode_macro HELLO]\nvariable_greeting: 'Hello'\ngcode:\n"
                        + "  {action_respond_info('%s %s' % (greeting, params.WHO|default('macro')))}\n",
                ItSetup.distributionSectionBundles()));
    }

    @Test
    public void everyShippedBundleIsInstalled() {
        Set<String> installed = new TreeSet<>();
        for (Bundle b : context.getBundles()) {
            installed.add(b.getSymbolicName());
        }
        Set<String> shipped = ItSetup.distributionKlipperJars().keySet();
        assertTrue("the distribution ships more than the core and the MCU bundle: " + shipped, shipped.size() > 10);
        Set<String> missing = new TreeSet<>(shipped);
        missing.removeAll(installed);
        assertTrue("shipped but not installed: " + missing, missing.isEmpty());
    }

    @Test
    public void everyBundleIsActive() {
        List<String> notActive = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            boolean fragment = b.getHeaders().get("Fragment-Host") != null;
            if (!fragment && b.getState() != Bundle.ACTIVE) {
                notActive.add(b.getSymbolicName() + " (state " + b.getState() + ")");
            }
        }
        assertTrue("bundles not active: " + notActive, notActive.isEmpty());
    }

    @Test
    public void scrRunsEveryKlipperComponent() {
        List<String> broken = new ArrayList<>();
        int components = 0;
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            if (!description.bundle.symbolicName.startsWith("org.klipper4j.")) {
                continue;
            }
            components++;
            if (!scr.isComponentEnabled(description)) {
                broken.add(description.name + " disabled");
            }
            for (ComponentConfigurationDTO config : scr.getComponentConfigurationDTOs(description)) {
                if (config.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE
                        || config.state == ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION
                        || config.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    broken.add(description.name + " state " + config.state
                            + (config.failure == null ? "" : ": " + config.failure));
                }
            }
        }
        assertTrue("the core and the section bundles declare components", components >= 2);
        assertTrue("components not running: " + broken, broken.isEmpty());
    }

    @Test
    public void thePrinterHostServiceReportsAReadyPrinter() {
        assertNotNull(host);
        Printers.awaitState(host, PrinterState.READY);

        assertEquals("Printer is ready", host.getStateMessage());
        assertTrue(host.objectNames().toString(), host.objectNames().contains("greeter"));
        assertFalse(host.runGCode("GREET NAME=boot").isEmpty());
    }

    @Test
    public void aMacroRunsThroughTheEmbeddedTemplateEngine() {
        Printers.awaitState(host, PrinterState.READY);
        assertTrue(host.objectNames().toString(), host.objectNames().contains("gcode_macro HELLO"));
        List<String> out = host.runGCode("HELLO WHO=boot");
        assertTrue(out.toString(), out.contains("// Hello boot"));
    }

    /** Module components are got only for configured sections: an unconfigured bundle's component is not activated. */
    @Test
    public void onlyConfiguredModulesAreActivated() {
        Printers.awaitState(host, PrinterState.READY);
        assertEquals("[greeter] is configured", ComponentConfigurationDTO.ACTIVE,
                componentState("org.klipper4j.example-greeter"));
        assertEquals("no [printer] kinematics: delta is not configured", ComponentConfigurationDTO.SATISFIED,
                componentState("org.klipper4j.kinematics-delta"));
    }

    private int componentState(String bundleName) {
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            if (description.bundle.symbolicName.equals(bundleName)) {
                for (ComponentConfigurationDTO config : scr.getComponentConfigurationDTOs(description)) {
                    return config.state;
                }
            }
        }
        throw new AssertionError("no component configuration in " + bundleName);
    }
}
