/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.feature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.klipper4j.core.api.PrinterHost;
import org.klipper4j.core.api.PrinterState;
import org.klipper4j.core.api.gcode.CommandError;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** What the ITs do with a running printer, inside the framework. */
final class Printers {

    private Printers() {
    }

    /** State and message as one line, for waiting and for failure messages. */
    static String describe(PrinterHost host) {
        return host.getState().wireName() + ": " + host.getStateMessage();
    }

    static String awaitState(PrinterHost host, PrinterState state) {
        return Await.until("printer state " + state.wireName(), () -> describe(host),
                d -> host.getState() == state);
    }

    /** Waits until the printer is not ready and its message names {@code section}; returns the message. */
    static String awaitNotReadyNaming(PrinterHost host, String section) {
        return Await.until("a not-ready printer naming [" + section + "]", () -> describe(host),
                d -> host.getState() != PrinterState.READY && host.getState() != PrinterState.STARTUP
                        && host.getStateMessage().contains(section));
    }

    /** Runs G-code; the response lines, or the error as {@code !! message} (as a terminal shows it). */
    static List<String> gcode(PrinterHost host, String script) {
        try {
            return host.runGCode(script);
        } catch (CommandError e) {
            return List.of("!! " + e.getMessage());
        } catch (IllegalStateException e) {
            // the printer restarted (a bundle came or went) before the script ran: ask again
            return List.of("(restarted) " + e.getMessage());
        }
    }

    /** Moves a jar into the watched plugins folder in one step, so FileInstall never sees half a file. */
    static Path dropIntoPlugins(BundleContext context, String jarPath, String fileName) throws IOException {
        Path staged = Path.of(context.getProperty(ItSetup.SCRATCH_DIR)).resolve(fileName + ".staged");
        Files.copy(Path.of(jarPath), staged, StandardCopyOption.REPLACE_EXISTING);
        Path target = Path.of(context.getProperty(ItSetup.PLUGINS_DIR)).resolve(fileName);
        return Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    static Bundle greeterBundle(BundleContext context) {
        for (Bundle b : context.getBundles()) {
            if (ItSetup.GREETER_BSN.equals(b.getSymbolicName())) {
                return b;
            }
        }
        return null;
    }
}
