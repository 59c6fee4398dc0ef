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
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.reactor.Reactor;
import org.klipper4j.core.api.reactor.ReactorTimer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Batch mode input ({@code -i file}), as Klipper's debug input: once the printer
 * is ready the file's lines go through {@link GCodeDispatcher#processInput} in
 * order, a few at a time as the queue drains. At the end of the file it waits for
 * the toolhead's moves and asks the host to exit; an error reply or a shutdown
 * ends the run with {@code error_exit}.
 */
public final class GCodeFileInput {
    private static final Logger LOG = LoggerFactory.getLogger(GCodeFileInput.class);
    /** Lines handed over at a time; below the dispatcher's M112 scan limit, as Klipper's reads are. */
    static final int CHUNK_LINES = 16;
    /** How long to wait before retrying while another input source is being processed. */
    private static final double BUSY_RETRY = 0.100;

    private final Printer printer;
    private final GCodeDispatcher gcode;
    private final Path file;
    private final Reactor reactor;
    private Reader reader;
    private final StringBuilder partial = new StringBuilder();
    private final List<String> lines = new ArrayList<>();
    private ReactorTimer timer;
    private boolean ready;
    private boolean eof;
    private boolean finished;

    public GCodeFileInput(Printer printer, GCodeDispatcher gcode, Path file) {
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
        if (timer == null) {
            reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            timer = reactor.registerTimer(this::feed, Reactor.NOW);
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

    private double feed(double eventtime) throws IOException {
        if (finished || gcode.hasRequestedErrorExit()) {
            return Reactor.NEVER;
        }
        if (gcode.isProcessingInput()) {
            return reactor.monotonic() + BUSY_RETRY;
        }
        List<String> chunk = nextLines();
        if (!chunk.isEmpty()) {
            gcode.processInput(chunk, line -> { });
            return finished || gcode.hasRequestedErrorExit() ? Reactor.NEVER : Reactor.NOW;
        }
        // End of file: wait for the queued moves, then exit (Klipper's request_restart('exit')).
        stop();
        gcode.requestRestart("exit");
        return Reactor.NEVER;
    }

    /** Up to {@link #CHUNK_LINES} more lines; empty at the end of the file. */
    private List<String> nextLines() throws IOException {
        char[] buf = new char[4096];
        while (lines.size() < CHUNK_LINES && !eof) {
            int n = reader.read(buf);
            if (n < 0) {
                eof = true;
                if (partial.length() > 0) {
                    lines.add(partial.toString());
                    partial.setLength(0);
                }
                break;
            }
            for (int i = 0; i < n; i++) {
                if (buf[i] == '\n') {
                    lines.add(partial.toString());
                    partial.setLength(0);
                } else {
                    partial.append(buf[i]);
                }
            }
        }
        int count = Math.min(CHUNK_LINES, lines.size());
        List<String> chunk = new ArrayList<>(lines.subList(0, count));
        lines.subList(0, count).clear();
        return chunk;
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
