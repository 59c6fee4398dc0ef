/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.pty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Klipper's {@code -I /tmp/printer}: a pseudo-tty that behaves like a serial
 * G-code printer for OctoPrint and terminal programs. Every line read is run by
 * the G-code dispatcher on the reactor and answered with {@code ok}; every
 * response line of the printer is written to the terminal.
 */
public final class PseudoTerminal {
    private static final Logger LOG = LoggerFactory.getLogger(PseudoTerminal.class);
    private static final int POLL_MILLIS = 200;

    private volatile Printer printer;
    private volatile GCodeDispatch gcode;
    private final Consumer<String> outputHandler = this::writeLine;
    private NativePty pty;
    private Path link;
    private Thread reader;
    private volatile boolean running;

    public PseudoTerminal(Printer printer, GCodeDispatch gcode) {
        this.printer = printer;
        this.gcode = gcode;
    }

    /** Opens the pseudo-tty and points {@code link} at it (replacing an old symlink there). */
    public synchronized void start(Path linkPath) throws IOException {
        if (running) {
            throw new IllegalStateException("pseudo-tty already started");
        }
        if (Files.exists(linkPath, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(linkPath)) {
            throw new IOException("Unable to create the pseudo-tty link '" + linkPath
                    + "': a file that is not a symlink is in the way");
        }
        NativePty opened = NativePty.open();
        try {
            Files.deleteIfExists(linkPath);
            Files.createSymbolicLink(linkPath, Path.of(opened.slaveName()));
        } catch (IOException e) {
            opened.close();
            throw e;
        }
        pty = opened;
        link = linkPath;
        gcode.registerOutputHandler(outputHandler);
        running = true;
        reader = new Thread(this::readLoop, "pseudo-tty");
        reader.setDaemon(true);
        reader.start();
        LOG.info("pseudo-tty {} -> {}", linkPath, opened.slaveName());
    }

    /** Stops reading, closes the pseudo-tty and removes the symlink. Call on the reactor thread. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        gcode.unregisterOutputHandler(outputHandler);
        pty.close();
        try {
            if (Files.isSymbolicLink(link)) {
                Files.delete(link);
            }
        } catch (IOException e) {
            LOG.warn("Unable to remove the pseudo-tty link '{}': {}", link, e.getMessage());
        }
    }

    /**
     * Hands the open pseudo-tty to a new printer (after a RESTART), so terminal
     * programs such as OctoPrint keep their connection as with Klipper.
     */
    public synchronized void rebind(Printer newPrinter, GCodeDispatch newGcode) {
        if (running) {
            gcode.unregisterOutputHandler(outputHandler);
            newGcode.registerOutputHandler(outputHandler);
        }
        printer = newPrinter;
        gcode = newGcode;
    }

    /** The device the symlink points at, e.g. {@code /dev/pts/3}; null before start. */
    public synchronized String deviceName() {
        return pty == null ? null : pty.slaveName();
    }

    private void readLoop() {
        byte[] buffer = new byte[4096];
        LineSplitter splitter = new LineSplitter();
        while (running) {
            int count;
            try {
                count = pty.read(buffer, POLL_MILLIS);
            } catch (IOException e) {
                LOG.error("pseudo-tty: {}", e.getMessage());
                return;
            }
            List<String> lines = splitter.feed(buffer, count);
            if (!lines.isEmpty()) {
                GCodeDispatch target = gcode;
                printer.getReactor().registerAsyncCallback(eventtime -> target.processInput(lines, this::writeLine));
            }
        }
    }

    /** Writes one response or ack line (on the reactor thread; never blocks). */
    private void writeLine(String line) {
        NativePty current = pty;
        if (running && current != null) {
            byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
            if (current.write(bytes) < bytes.length) {
                LOG.debug("pseudo-tty: nobody reads, output dropped");
            }
        }
    }
}
