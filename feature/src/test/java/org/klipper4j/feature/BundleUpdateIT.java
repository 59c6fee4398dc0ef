/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.feature;

import static org.junit.Assert.assertEquals;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.util.List;

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
import org.osgi.framework.Version;

/** (d) Replacing the plugin jar by a newer version swaps the implementation in the running printer. */
@RunWith(PaxExam.class)
public class BundleUpdateIT {

    @Inject
    private BundleContext context;

    @Inject
    private PrinterHost host;

    @Configuration
    public Option[] config() {
        return options(ItSetup.framework("BundleUpdateIT", "[greeter]\nmessage: Hey\n"));
    }

    @Test
    public void aNewerJarInPluginsSwapsTheImplementation() throws Exception {
        Printers.dropIntoPlugins(context, ItSetup.jarPath("it.jar.greeter"), "greeter.jar");
        Printers.awaitState(host, PrinterState.READY);
        // the drop restarts the printer; READY may still be the state of the printer before it
        assertEquals(List.of("// Hey, Bob!"), Await.until("GREET answered by v1",
                () -> Printers.gcode(host, "GREET NAME=Bob"), lines -> lines.equals(List.of("// Hey, Bob!"))));
        Bundle greeter = Printers.greeterBundle(context);
        long bundleId = greeter.getBundleId();

        Printers.dropIntoPlugins(context, ItSetup.jarPath("it.jar.greeter.v2"), "greeter.jar");

        Await.until("greeter 0.2.0 active", () -> greeter.getVersion() + " state " + greeter.getState(),
                s -> greeter.getVersion().equals(new Version(0, 2, 0)) && greeter.getState() == Bundle.ACTIVE);
        List<String> answer = Await.until("GREET answered by v2", () -> Printers.gcode(host, "GREET NAME=Bob"),
                lines -> lines.equals(List.of("// Hey, Bob! (greeter v2)")));
        assertEquals(List.of("// Hey, Bob! (greeter v2)"), answer);
        assertEquals("updated in place, not installed beside", bundleId, Printers.greeterBundle(context).getBundleId());
        Printers.awaitState(host, PrinterState.READY);
    }
}
