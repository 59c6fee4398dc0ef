/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.feature;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
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

/** (c) Stopping the section bundle takes its object and its command away and the section is reported again. */
@RunWith(PaxExam.class)
public class BundleStopIT {

    @Inject
    private BundleContext context;

    @Inject
    private PrinterHost host;

    @Configuration
    public Option[] config() {
        return options(ItSetup.framework("BundleStopIT", "[greeter]\n", ItSetup.jar("it.jar.greeter")));
    }

    @Test
    public void stoppingTheBundleRemovesItsSectionAndCommand() throws Exception {
        Printers.awaitState(host, PrinterState.READY);
        assertEquals(List.of("// Hello, world!"), host.runGCode("GREET"));
        assertTrue(helpText().contains("GREET"));

        Printers.greeterBundle(context).stop();

        assertEquals(Bundle.RESOLVED, Printers.greeterBundle(context).getState());
        String notReady = Printers.awaitNotReadyNaming(host, "greeter");
        assertFalse(notReady, host.objectNames().contains("greeter"));
        assertFalse("GREET is no longer registered", helpText().contains("GREET"));
        // as in Klipper, an unknown command on a printer that is not ready answers with the state message
        List<String> answer = Printers.gcode(host, "GREET");
        assertEquals(1, answer.size());
        assertTrue(answer.toString(), answer.get(0).startsWith("!! ") && answer.get(0).contains("greeter"));

        // and it comes back when the bundle starts again: nothing half-wired was left behind
        Printers.greeterBundle(context).start();
        Printers.awaitState(host, PrinterState.READY);
        assertEquals(List.of("// Hello, world!"), host.runGCode("GREET"));
        assertEquals(1, helpText().split("GREET", -1).length - 1);
    }

    @Test
    public void aCommandNobodyServesAnswersUnknownCommand() throws Exception {
        Printers.awaitState(host, PrinterState.READY);

        assertEquals(List.of("// Unknown command:\"GREETX\""), host.runGCode("GREETX"));
    }

    private String helpText() {
        return String.join("\n", host.runGCode("HELP"));
    }
}
