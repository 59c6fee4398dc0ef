/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualsdcard.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.core.api.reactor.Reactor;
import org.klipper4j.core.api.reactor.ReactorTimer;
import org.klipper4j.extras.printstats.api.PrintStats;
import org.klipper4j.extras.virtualsdcard.api.VirtualSdcardControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code virtual_sdcard} printer object: prints G-code files from a host
 * folder as Klipper's virtual_sdcard does (M20-M27, SDCARD_PRINT_FILE,
 * SDCARD_RESET_FILE).
 *
 * <p>The work runs as one firing of a reactor timer that prints the whole file,
 * yielding where Klipper's does (after each chunk read, while another command
 * holds the G-code mutex, and in commands that wait), so other commands (M25,
 * PAUSE, status queries) get their turn there. {@code on_error_gcode} is run as a plain G-code script
 * (no template rendering yet); without it, {@code TURN_OFF_HEATERS} runs when a
 * {@code heaters} object exists, as Klipper's default template does.
 *
 * <p>Beyond Klipper, the status has {@code estimated_remaining}: seconds the
 * print still needs at the average rate so far (bytes per printing second,
 * pauses excluded), or null before any line has been timed or with no file.
 */
public final class VirtualSdcard implements VirtualSdcardControl {

    static final String RESET_FILE_HELP = "Clears a loaded SD File. Stops the print if necessary";
    static final String PRINT_FILE_HELP = "Loads a SD file and starts the print.  May include files in subdirectories.";
    static final String EVENT_RESET_FILE = "virtual_sdcard:reset_file";

    private static final Logger LOG = LoggerFactory.getLogger(VirtualSdcard.class);

    private final Printer printer;
    private final Reactor reactor;
    private final PrintStats printStats;
    private final SdcardDirectory directory;
    private final String onErrorGCode;
    private final PrintTimeEstimator estimator = new PrintTimeEstimator();
    private final ProgressReporter reporter = new ProgressReporter();
    private GCodeDispatch gcode;

    private GCodeFileReader currentFile;
    private String currentName;
    private long filePosition;
    private long fileSize;
    private long nextFilePosition;
    private ReactorTimer workTimer;
    private boolean mustPauseWork;
    private boolean cmdFromSd;

    public VirtualSdcard(ConfigSection config, PrintStats printStats) {
        this.printer = config.getPrinter();
        this.reactor = printer.getReactor();
        this.printStats = printStats;
        this.directory = new SdcardDirectory(
                SdcardDirectory.resolve(config.get("path"), System.getProperty("user.home")));
        this.onErrorGCode = config.get("on_error_gcode", null);
        printer.registerEventHandler(PrinterEvents.SHUTDOWN, args -> handleShutdown());
    }

    /** Registers the SD card commands with the G-code dispatcher. */
    public void registerCommands(GCodeDispatch dispatch) {
        this.gcode = dispatch;
        dispatch.registerCommand("M20", this::cmdM20, null);
        dispatch.registerCommand("M21", this::cmdM21, null);
        dispatch.registerCommand("M23", this::cmdM23, null);
        dispatch.registerCommand("M24", cmd -> doResume(), null);
        dispatch.registerCommand("M25", cmd -> doPause(), null);
        dispatch.registerCommand("M26", this::cmdM26, null);
        dispatch.registerCommand("M27", this::cmdM27, null);
        for (String write : List.of("M28", "M29", "M30")) {
            dispatch.registerCommand(write, cmd -> {
                throw cmd.error("SD write not supported");
            }, null);
        }
        dispatch.registerCommand("SDCARD_RESET_FILE", this::cmdSdcardResetFile, RESET_FILE_HELP);
        dispatch.registerCommand("SDCARD_PRINT_FILE", this::cmdSdcardPrintFile, PRINT_FILE_HELP);
    }

    // ---- status and API

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("file_path", currentFile == null ? null : currentFile.path().toString());
        status.put("progress", progress());
        status.put("is_active", isActive());
        status.put("file_position", filePosition);
        status.put("file_size", fileSize);
        status.put("estimated_remaining", estimatedRemaining(eventtime));
        return Collections.unmodifiableMap(status);
    }

    private double progress() {
        return fileSize > 0 ? (double) filePosition / fileSize : 0.0;
    }

    private Double estimatedRemaining(double eventtime) {
        return currentFile == null ? null : estimator.remaining(eventtime, fileSize - filePosition);
    }

    @Override
    public boolean isActive() {
        return workTimer != null;
    }

    @Override
    public void doPause() {
        if (workTimer != null) {
            mustPauseWork = true;
            // a command from the file itself must not wait for the loop that runs it
            while (workTimer != null && !cmdFromSd) {
                reactor.pause(reactor.monotonic() + 0.001);
            }
        }
    }

    @Override
    public void doResume() {
        if (workTimer != null) {
            throw new CommandError("SD busy");
        }
        if (currentFile == null) {
            LOG.info("virtual_sdcard: no file selected, nothing to print");
            return;
        }
        mustPauseWork = false;
        workTimer = reactor.registerTimer(this::workHandler, Reactor.NOW);
    }

    @Override
    public void doCancel() {
        if (currentFile != null) {
            doPause();
            closeFile();
            printStats.noteCancel();
            gcode.respondInfo("SD print cancelled: " + currentName);
        }
        filePosition = 0;
        fileSize = 0;
    }

    @Override
    public boolean isCmdFromSd() {
        return cmdFromSd;
    }

    @Override
    public long getFilePosition() {
        return nextFilePosition;
    }

    @Override
    public void setFilePosition(long position) {
        nextFilePosition = position;
    }

    // ---- G-code commands

    void cmdM20(GCodeCommand cmd) {
        List<SdcardDirectory.Entry> files = fileList(cmd, false);
        cmd.respondRaw("Begin file list");
        for (SdcardDirectory.Entry f : files) {
            cmd.respondRaw(f.name() + " " + f.size());
        }
        cmd.respondRaw("End file list");
    }

    void cmdM21(GCodeCommand cmd) {
        cmd.respondRaw("SD card ok");
    }

    void cmdM23(GCodeCommand cmd) {
        if (workTimer != null) {
            throw cmd.error("SD busy");
        }
        resetFile();
        loadFile(cmd, withoutLeadingSlash(cmd.getRawCommandParameters().trim()), false);
    }

    void cmdM26(GCodeCommand cmd) {
        if (workTimer != null) {
            throw cmd.error("SD busy");
        }
        Integer position = cmd.getInt("S", null, 0, null);
        // without S, the required getter reports the missing parameter
        filePosition = position != null ? position : cmd.getInt("S");
    }

    void cmdM27(GCodeCommand cmd) {
        if (currentFile == null) {
            cmd.respondRaw("Not SD printing.");
            return;
        }
        cmd.respondRaw("SD printing byte " + filePosition + "/" + fileSize);
        cmd.respondInfo(ProgressText.progress(filePosition, fileSize,
                estimatedRemaining(reactor.monotonic())));
    }

    void cmdSdcardResetFile(GCodeCommand cmd) {
        if (cmdFromSd) {
            throw cmd.error("SDCARD_RESET_FILE cannot be run from the sdcard");
        }
        resetFile();
    }

    void cmdSdcardPrintFile(GCodeCommand cmd) {
        if (workTimer != null) {
            throw cmd.error("SD busy");
        }
        resetFile();
        String filename = withoutLeadingSlash(cmd.get("FILENAME"));
        loadFile(cmd, filename, true);
        doResume();
    }

    private static String withoutLeadingSlash(String name) {
        return name.startsWith("/") ? name.substring(1) : name;
    }

    private List<SdcardDirectory.Entry> fileList(GCodeCommand cmd, boolean withSubdirs) {
        try {
            return withSubdirs ? directory.listGCodeFilesRecursively() : directory.listFiles();
        } catch (IOException | RuntimeException e) {
            LOG.warn("virtual_sdcard get_file_list in {}", directory.root(), e);
            throw cmd.error("Unable to get file list");
        }
    }

    private void loadFile(GCodeCommand cmd, String filename, boolean withSubdirs) {
        String listed = SdcardDirectory.match(fileList(cmd, withSubdirs), filename);
        if (listed == null) {
            LOG.info("virtual_sdcard: no file '{}' in {}", filename, directory.root());
            throw cmd.error("Unable to open file");
        }
        Path path = directory.root().resolve(listed);
        GCodeFileReader reader;
        try {
            reader = new GCodeFileReader(path);
        } catch (IOException | RuntimeException e) {
            LOG.warn("virtual_sdcard file open {}", path, e);
            throw cmd.error("Unable to open file");
        }
        cmd.respondRaw("File opened:" + filename + " Size:" + reader.size());
        cmd.respondRaw("File selected");
        currentFile = reader;
        currentName = filename;
        filePosition = 0;
        fileSize = reader.size();
        estimator.reset();
        printStats.setCurrentFile(filename);
    }

    private void resetFile() {
        if (currentFile != null) {
            doPause();
            closeFile();
        }
        filePosition = 0;
        fileSize = 0;
        estimator.reset();
        printStats.reset();
        printer.sendEvent(EVENT_RESET_FILE);
    }

    private void closeFile() {
        try {
            currentFile.close();
        } catch (IOException e) {
            LOG.warn("virtual_sdcard close", e);
        }
        currentFile = null;
    }

    // ---- the work timer

    /**
     * Runs the whole print in one firing, as Klipper's work handler does: other timers
     * and commands get their turn only where Klipper yields, after each read of a file
     * chunk (and so after each jump of sdcard_loop), while another command holds the
     * G-code mutex, and inside the commands of the file that wait. Where these yields
     * fall decides when the toolhead's flushes run, so batch output depends on it.
     */
    private double workHandler(double eventtime) {
        // the timer stays registered as the "print active" mark until the print stops
        reactor.updateTimer(workTimer, Reactor.NEVER);
        if (!startWork(eventtime)) {
            return Reactor.NEVER;
        }
        String errorMessage = null;
        while (!mustPauseWork && !printer.isShutdown()) {
            int readsBefore = currentFile.chunkReads();
            GCodeFileReader.Line line;
            try {
                line = currentFile.nextLine();
            } catch (IOException e) {
                LOG.warn("virtual_sdcard read", e);
                break;
            }
            for (int i = currentFile.chunkReads() - readsBefore; i > 0; i--) {
                // A fresh chunk of the file: the timers due now run before its first line, until
                // they are done (the step flush timer re-arms at once until it has caught up).
                // Klipper's batch output shows that full catch-up at each chunk read.
                reactor.pause(reactor.monotonic());
            }
            if (line != null && (mustPauseWork || printer.isShutdown())) {
                // paused at that yield: resuming seeks back to this line
                break;
            }
            if (line == null) {
                closeFile();
                LOG.info("Finished SD card print");
                gcode.respondRaw("Done printing file");
                break;
            }
            if (!awaitIdleGCode()) {
                // paused meanwhile: resuming seeks back to this line
                break;
            }
            LineResult result = runLine(line);
            if (result == LineResult.ERROR) {
                errorMessage = lastError;
                break;
            }
            if (result == LineResult.STOP) {
                break;
            }
        }
        return finishWork(errorMessage);
    }

    /** Waits while another command holds the G-code mutex; false if the print was paused meanwhile. */
    private boolean awaitIdleGCode() {
        while (gcode.isMutexLocked()) {
            reactor.pause(reactor.monotonic() + 0.100);
            if (mustPauseWork || printer.isShutdown()) {
                return false;
            }
        }
        return true;
    }

    private boolean startWork(double eventtime) {
        LOG.info("Starting SD card print (position {})", filePosition);
        try {
            currentFile.seek(filePosition);
        } catch (IOException e) {
            LOG.warn("virtual_sdcard seek", e);
            stopTimer();
            return false;
        }
        estimator.start(eventtime);
        reporter.start(eventtime, filePosition, fileSize);
        printStats.noteStart();
        gcode.respondInfo(filePosition == 0
                ? "SD print started: " + currentName + " (" + fileSize + " bytes)"
                : "SD print resumed: " + ProgressText.position(currentName, filePosition, fileSize));
        return true;
    }

    private enum LineResult { NEXT, ERROR, STOP }

    private String lastError;

    private LineResult runLine(GCodeFileReader.Line line) {
        long next = Math.min(filePosition + line.length(), Math.max(fileSize, filePosition));
        nextFilePosition = next;
        cmdFromSd = true;
        try {
            gcode.runScript(line.text());
        } catch (CommandError e) {
            lastError = e.getMessage();
            runOnErrorGCode();
            return LineResult.ERROR;
        } catch (RuntimeException e) {
            LOG.error("virtual_sdcard dispatch", e);
            return LineResult.STOP;
        }
        cmdFromSd = false;
        estimator.addBytes(nextFilePosition - filePosition);
        filePosition = nextFilePosition;
        reportProgress();
        if (nextFilePosition != next && currentFile != null) {
            // a command moved the position (sdcard_loop): read from there
            try {
                currentFile.seek(filePosition);
            } catch (IOException e) {
                LOG.warn("virtual_sdcard seek", e);
                return LineResult.STOP;
            }
        }
        return currentFile == null ? LineResult.STOP : LineResult.NEXT;
    }

    private void reportProgress() {
        double now = reactor.monotonic();
        if (reporter.due(now, filePosition, fileSize)) {
            String line = ProgressText.printing(currentName, filePosition, fileSize, estimator.elapsed(now),
                    estimatedRemaining(now));
            LOG.info(line);
            gcode.respondInfo(line);
        }
    }

    private void runOnErrorGCode() {
        String script = onErrorGCode;
        if (script == null) {
            script = printer.findObject("heaters", Object.class).isPresent() ? "TURN_OFF_HEATERS" : "";
        }
        if (script.isBlank()) {
            return;
        }
        try {
            gcode.runScript(script);
        } catch (RuntimeException e) {
            LOG.error("virtual_sdcard on_error", e);
        }
    }

    private double finishWork(String errorMessage) {
        LOG.info("Exiting SD card print (position {})", filePosition);
        double now = reactor.monotonic();
        estimator.stop(now);
        stopTimer();
        if (errorMessage != null) {
            printStats.noteError(errorMessage);
            gcode.respondInfo("SD print stopped by an error: "
                    + ProgressText.position(currentName, filePosition, fileSize));
        } else if (PrintStats.CANCELLED.equals(printStats.getState())) {
            // cancelled by a command in the file itself, which already noted and said so
            LOG.info("SD card print cancelled from the file");
        } else if (currentFile != null) {
            printStats.notePause();
            gcode.respondInfo("SD print paused: " + ProgressText.position(currentName, filePosition, fileSize));
        } else {
            // a status query brings filament_used up to date (Klipper's print_stats counts it there)
            printStats.getStatus(now);
            printStats.noteComplete();
            announceFinish(now);
        }
        return Reactor.NEVER;
    }

    private void announceFinish(double now) {
        Map<String, Object> stats = printStats.getStatus(now);
        double total = stats.get("total_duration") instanceof Number n ? n.doubleValue() : estimator.elapsed(now);
        Double filament = stats.get("filament_used") instanceof Number n ? n.doubleValue() : null;
        String line = ProgressText.finished(currentName, total, filament);
        LOG.info(line);
        gcode.respondInfo(line);
    }

    private void stopTimer() {
        if (workTimer != null) {
            reactor.unregisterTimer(workTimer);
        }
        workTimer = null;
        cmdFromSd = false;
    }

    private void handleShutdown() {
        if (workTimer == null) {
            return;
        }
        mustPauseWork = true;
        if (currentFile == null) {
            return;
        }
        try {
            long readPos = Math.max(filePosition - 1024, 0);
            String before = currentFile.excerpt(readPos, (int) (filePosition - readPos));
            String upcoming = currentFile.excerpt(filePosition, 128);
            LOG.info("Virtual sdcard ({}): {}\nUpcoming ({}): {}", readPos, before, filePosition, upcoming);
        } catch (IOException e) {
            LOG.warn("virtual_sdcard shutdown read", e);
        }
    }
}
