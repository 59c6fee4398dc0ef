/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.feature;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.util.List;
import java.util.Map;

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

/**
 * (a) [greeter] without its bundle leaves the printer not ready, naming the
 * section; (b) dropping the bundle into plugins/ makes it ready, same JVM.
 */
@RunWith(PaxExam.class)
public class MissingSectionBundleIT {

    @Inject
    private BundleContext context;

    @Inject
    private PrinterHost host;

    @Configuration
    public Option[] config() {
        return options(ItSetup.framework("MissingSectionBundleIT", "[greeter]\nmessage: Hi\n"));
    }

    @Test
    public void aMissingSectionBundleIsReportedThenHotDeployedToReady() throws Exception {
        assertNull("the greeter bundle is not installed at first", Printers.greeterBundle(context));
        String notReady = Printers.awaitNotReadyNaming(host, "greeter");
        assertEquals(notReady, PrinterState.ERROR, host.getState());
        assertFalse(host.objectNames().contains("greeter"));

        Printers.dropIntoPlugins(context, ItSetup.jarPath("it.jar.greeter"), "example-greeter.jar");

        Printers.awaitState(host, PrinterState.READY);
        assertEquals("Printer is ready", host.getStateMessage());
        Bundle greeter = Printers.greeterBundle(context);
        assertEquals(Bundle.ACTIVE, greeter.getState());
        assertEquals(List.of("// Hi, Ada!"), host.runGCode("GREET NAME=Ada"));
        assertEquals(Map.of("greetings", 1), host.queryStatus("greeter", List.of("greetings")));
        assertTrue(host.objectNames().contains("greeter"));
    }
}
