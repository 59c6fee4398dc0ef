/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.gcode;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.reactor.Reactor;
import org.klipper4j.core.api.reactor.ReactorTimer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Batch mode input ({@code -i file}), timed as Klipper's debug input: the file
 * is read {@link #READ_SIZE} characters at a time, as an always-readable file
 * descriptor would be. A read while the dispatcher is idle starts processing; a
 * read while it works (paused in a command) appends to its pending lines at
 * once, until {@link #MAX_PENDING} lines wait, then reading stops until the
 * dispatcher is idle again. No read ever waits for a future time, so the
 * simulated clock does not move while input is available. At the end of the
 * file, with the dispatcher idle, it asks for the restart "exit" (which waits
 * for the moves); an error reply or a shutdown ends the run with {@code error_exit}.
 */
public final class GCodeFileInput {
    private static final Logger LOG = LoggerFactory.getLogger(GCodeFileInput.class);
    /** Characters per read, as Klipper's os.read(fd, 4096). */
    static final int READ_SIZE = 4096;
    /** Reading pauses while at least this many lines wait (Klipper unregisters its fd). */
    static final int MAX_PENDING = 20;

    private final Printer printer;
    private final GCodeDispatcher gcode;
    private final Path file;
    private final Reactor reactor;
    private Reader reader;
    private final StringBuilder partial = new StringBuilder();
    private final char[] buffer = new char[READ_SIZE];
    private ReactorTimer readTimer;
    private boolean processing;
    private boolean ready;
    private boolean eof;
    private boolean finished;
    private double lastDeferral = -1.;

    public GCodeFileInput(Printer printer, GCodeDispatcher gcode, Path file) {
        this(printer, gcode, file, null);
    }

    /**
     * @param openReader the input already open, or null to open {@code file} at ready.
     *        A RESTART in batch mode goes on where the last printer stopped reading
     *        (the host keeps one reader for the whole run, as klippy keeps its input fd).
     */
    public GCodeFileInput(Printer printer, GCodeDispatcher gcode, Path file, Reader openReader) {
        this.reader = openReader;
        this.printer = printer;
        this.gcode = gcode;
        this.file = file;
        this.reactor = printer.getReactor();
        gcode.setFileInput(true);
        printer.registerEventHandler(PrinterEvents.READY, args -> handleReady());
        printer.registerEventHandler(PrinterEvents.SHUTDOWN, args -> handleShutdown());
    }

    private void handleReady() throws IOException {
        ready = true;
        if (readTimer == null) {
            if (reader == null) {
                reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            }
            readTimer = reactor.registerTimer(this::read, Reactor.NOW);
        }
    }

    private void handleShutdown() {
        if (!ready) {
            return;
        }
        ready = false;
        stop();
        printer.requestExit("error_exit");
    }

    /** One read of the file, as Klipper's fd handler on a readable input. */
    private double read(double eventtime) throws IOException {
        if (finished || gcode.hasRequestedErrorExit()) {
            return Reactor.NEVER;
        }
        if (sdPrintActive()) {
            // Klipper's SD card prints its whole file in one timer firing, before its input is
            // polled again: read only once the print has stopped. Due at the current time (not
            // NOW), this read waits behind the print's next line; a print that waits for a
            // later time lets the clock move on in small steps.
            double now = reactor.monotonic();
            double next = now > lastDeferral ? now : now + 0.001;
            lastDeferral = now;
            return next;
        }
        if (eof && !processing) {
            // End of file with nothing left running: wait for the moves, then exit.
            stop();
            gcode.requestRestart("exit");
            return Reactor.NEVER;
        }
        List<String> lines = eof ? List.of() : readLines();
        if (eof && lines.isEmpty() && !processing) {
            // The read that finds the end with nothing running exits at once, as Klipper's does.
            stop();
            gcode.requestRestart("exit");
            return Reactor.NEVER;
        }
        if (processing) {
            if (!lines.isEmpty()) {
                gcode.processInput(lines, line -> { }); // appended to the running batch
            }
            // keep reading while the dispatcher works, unless enough lines wait or nothing is left
            return eof || gcode.pendingLineCount() >= MAX_PENDING ? Reactor.NEVER : Reactor.NOW;
        }
        processing = true;
        // Processed from a callback so this timer can keep reading while a command pauses.
        reactor.registerCallback(e -> process(lines), Reactor.NOW);
        return Reactor.NEVER;
    }

    private boolean sdPrintActive() {
        Object sdcard = printer.findObject("virtual_sdcard", Object.class).orElse(null);
        return sdcard instanceof StatusProvider status
                && Boolean.TRUE.equals(status.getStatus(reactor.monotonic()).get("is_active"));
    }

    private void process(List<String> lines) {
        try {
            if (!lines.isEmpty() && !finished) {
                // reads go on whenever a command pauses; they append to this batch
                reactor.updateTimer(readTimer, Reactor.NOW);
                gcode.processInput(lines, line -> { });
            }
        } finally {
            processing = false;
        }
        if (!finished && !gcode.hasRequestedErrorExit()) {
            reactor.updateTimer(readTimer, Reactor.NOW);
        }
    }

    /** The complete lines of the next read; the last line of the file also at its end. */
    private List<String> readLines() throws IOException {
        List<String> lines = new ArrayList<>();
        int n = reader.read(buffer);
        if (n < 0) {
            eof = true;
            if (partial.length() > 0) {
                lines.add(partial.toString());
                partial.setLength(0);
            }
            return lines;
        }
        for (int i = 0; i < n; i++) {
            if (buffer[i] == '\n') {
                lines.add(partial.toString());
                partial.setLength(0);
            } else {
                partial.append(buffer[i]);
            }
        }
        return lines;
    }

    private void stop() {
        finished = true;
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException e) {
                LOG.warn("Closing {}", file, e);
            }
        }
    }
}
