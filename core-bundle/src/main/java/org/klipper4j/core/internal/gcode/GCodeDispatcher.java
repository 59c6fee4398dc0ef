/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.gcode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.PrinterState;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.core.api.gcode.GCodeHandler;
import org.klipper4j.core.api.reactor.Completion;
import org.klipper4j.core.api.reactor.Reactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Klipper's {@code gcode} object: parses lines, dispatches commands, sends responses. */
public final class GCodeDispatcher implements GCodeDispatch, StatusProvider {
    private static final Logger LOG = LoggerFactory.getLogger(GCodeDispatcher.class);
    /** Event sent after a command failed (gcode_move resets its position on it). */
    public static final String COMMAND_ERROR_EVENT = "gcode:command_error";
    /** An input holding this many pending lines is not scanned for M112 (as Klipper). */
    private static final int M112_SCAN_LIMIT = 20;
    private static final Pattern M112_LINE = Pattern.compile("^(?:[nN][0-9]+)?\\s*[mM]112(?:\\s|$).*", Pattern.DOTALL);

    private record Registration(GCodeHandler handler, boolean whenNotReady, boolean extended) {
    }

    private record MuxTable(String key, Map<String, GCodeHandler> handlers) {
    }

    private record PendingLine(String line, Consumer<String> ack) {
    }

    private final Printer printer;
    private final Map<String, Registration> commands = new LinkedHashMap<>();
    private final Map<String, String> help = new LinkedHashMap<>();
    private final Map<String, MuxTable> muxCommands = new LinkedHashMap<>();
    private final List<Consumer<String>> outputHandlers = new CopyOnWriteArrayList<>();
    private final ReactorMutex mutex;
    private List<PendingLine> pending = new ArrayList<>();
    private boolean processingInput;
    private boolean fileInput;
    private boolean announcedReady;
    private boolean errorExitRequested;
    private final BuiltinCommands builtins;

    public GCodeDispatcher(Printer printer) {
        this.printer = Objects.requireNonNull(printer, "printer");
        this.mutex = new ReactorMutex(printer.getReactor());
        this.fileInput = printer.getStartArgs() != null && printer.getStartArgs().inputFile().isPresent();
        this.builtins = new BuiltinCommands(printer, this);
        builtins.register();
        printer.registerEventHandler(PrinterEvents.READY, args -> handleReady());
        printer.registerEventHandler(PrinterEvents.SHUTDOWN, args -> handleShutdown());
        printer.registerEventHandler(PrinterEvents.DISCONNECT, args -> respondState("Disconnect"));
    }

    /** Batch mode: an error reply ends the run with {@code error_exit}, as Klipper's debug input. */
    public void setFileInput(boolean fileInput) {
        this.fileInput = fileInput;
    }

    public boolean isFileInput() {
        return fileInput;
    }

    /** True once an error reply in batch mode asked the host to exit. */
    public boolean hasRequestedErrorExit() {
        return errorExitRequested;
    }

    /** The software version M115 reports. */
    public void setSoftwareVersion(String version) {
        builtins.setSoftwareVersion(version);
    }

    boolean isPrinterReady() {
        return printer.getState() == PrinterState.READY;
    }

    private void handleReady() {
        announcedReady = true;
        respondState("Ready");
    }

    private void handleShutdown() {
        if (!announcedReady) {
            return;
        }
        announcedReady = false;
        respondState("Shutdown");
    }

    void respondState(String state) {
        respondInfo("Klipper state: " + state, false);
    }

    // ---- registration -------------------------------------------------------------

    @Override
    public void registerCommand(String name, GCodeHandler handler, boolean whenNotReady, String helpText) {
        if (handler == null) {
            commands.remove(name);
            return;
        }
        if (commands.containsKey(name)) {
            throw new ConfigException("gcode command " + name + " already registered");
        }
        boolean extended = !CommandNames.isTraditional(name);
        if (extended && !CommandNames.isValidExtended(name)) {
            throw new ConfigException("Can't register '" + name + "' as it is an invalid name");
        }
        commands.put(name, new Registration(handler, whenNotReady, extended));
        if (helpText != null) {
            help.put(name, helpText);
        }
    }

    @Override
    public void unregisterCommand(String name) {
        commands.remove(name);
        help.remove(name);
        muxCommands.remove(name);
    }

    @Override
    public void registerMuxCommand(String cmd, String key, String value, GCodeHandler handler, String helpText) {
        MuxTable table = muxCommands.get(cmd);
        if (table == null) {
            registerCommand(cmd, gcmd -> dispatchMux(cmd, gcmd), false, helpText);
            table = new MuxTable(key, new LinkedHashMap<>());
            muxCommands.put(cmd, table);
        }
        if (!table.key().equals(key)) {
            throw new ConfigException("mux command " + cmd + " " + key + " " + value
                    + " may have only one key (" + table.key() + ")");
        }
        if (table.handlers().containsKey(value)) {
            throw new ConfigException("mux command " + cmd + " " + key + " " + value
                    + " already registered (" + table.handlers().keySet() + ")");
        }
        table.handlers().put(value, handler);
    }

    private void dispatchMux(String cmd, GCodeCommand gcmd) throws Exception {
        MuxTable table = muxCommands.get(cmd);
        String keyParam = table.handlers().containsKey(null) ? gcmd.get(table.key(), null) : gcmd.get(table.key());
        GCodeHandler handler = table.handlers().get(keyParam);
        if (handler == null && !table.handlers().containsKey(keyParam)) {
            throw gcmd.error("The value '" + (keyParam == null ? "None" : keyParam) + "' is not valid for "
                    + table.key());
        }
        handler.handle(gcmd);
    }

    @Override
    public Map<String, String> getCommandHelp() {
        return new LinkedHashMap<>(help);
    }

    @Override
    public GCodeHandler getHandler(String name) {
        Registration registration = commands.get(name);
        return registration == null ? null : registration.handler();
    }

    @Override
    public boolean isRegistered(String name) {
        return commands.containsKey(name);
    }

    /** The commands available now (all when ready, else those allowed before ready), by name. */
    Map<String, GCodeHandler> activeCommands() {
        boolean ready = isPrinterReady();
        Map<String, GCodeHandler> active = new TreeMap<>();
        commands.forEach((name, reg) -> {
            if (ready || reg.whenNotReady()) {
                active.put(name, reg.handler());
            }
        });
        return active;
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        Map<String, Object> cmds = new LinkedHashMap<>();
        for (String name : activeCommands().keySet()) {
            Map<String, Object> info = new LinkedHashMap<>();
            if (help.containsKey(name)) {
                info.put("help", help.get(name));
            }
            cmds.put(name, info);
        }
        return Map.of("commands", cmds);
    }

    // ---- execution ----------------------------------------------------------------

    @Override
    public void processInput(List<String> lines, Consumer<String> ack) {
        for (String line : lines) {
            pending.add(new PendingLine(line, ack));
        }
        if (pending.size() < M112_SCAN_LIMIT) {
            for (String line : lines) {
                if (M112_LINE.matcher(line).matches()) {
                    builtins.emergencyStop();
                }
            }
        }
        if (processingInput) {
            return;
        }
        processingInput = true;
        try {
            while (!pending.isEmpty()) {
                List<PendingLine> batch = pending;
                pending = new ArrayList<>();
                mutex.lock();
                try {
                    for (PendingLine p : batch) {
                        if (errorExitRequested) {
                            break; // batch mode: the run ends at the first error
                        }
                        processLine(p.line(), p.ack(), true);
                    }
                } finally {
                    mutex.unlock();
                }
            }
        } finally {
            processingInput = false;
        }
    }

    /** Lines received but not yet started (an input source feeds more only when this is low). */
    public int pendingLineCount() {
        return pending.size();
    }

    /**
     * True while a command holds the G-code mutex (Klipper's {@code get_mutex().test()}):
     * a background feeder such as the virtual SD card waits before running its next line.
     */
    public boolean isMutexLocked() {
        return mutex.isLocked();
    }

    /** True while processInput is working through its queue (perhaps paused in a command). */
    public boolean isProcessingInput() {
        return processingInput;
    }

    @Override
    public void runScript(String script) {
        Reactor reactor = printer.getReactor();
        if (reactor.isReactorThread()) {
            mutex.lock();
            try {
                runScriptFromCommand(script);
            } finally {
                mutex.unlock();
            }
            return;
        }
        // From another thread: run on the reactor and wait for the outcome here.
        Completion<RuntimeException> outcome = reactor.completion();
        reactor.registerAsyncCallback(eventtime -> {
            try {
                runScript(script);
                outcome.complete(null);
            } catch (RuntimeException e) {
                outcome.complete(e);
            }
        });
        RuntimeException failure = outcome.await();
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void runScriptFromCommand(String script) {
        for (String line : script.split("\n", -1)) {
            processLine(line, null, false);
        }
    }

    /** Runs one line; input lines ({@code fromInput}) report errors, script lines also throw them. */
    private void processLine(String line, Consumer<String> ack, boolean fromInput) {
        ParsedLine parsed = ParsedLine.parse(line);
        GCodeCommandImpl gcmd = new GCodeCommandImpl(this, parsed.command(), parsed.origline(), parsed.params(), ack);
        try {
            dispatch(gcmd);
        } catch (CommandError e) {
            respondError(e.getMessage());
            printer.sendEvent(COMMAND_ERROR_EVENT);
            if (!fromInput) {
                throw e;
            }
        } catch (Exception e) {
            String msg = "Internal error on command:\"" + parsed.command() + "\"";
            LOG.error(msg, e);
            printer.invokeShutdown(msg);
            respondError(msg);
            if (!fromInput) {
                throw new CommandError(msg, e);
            }
        }
        gcmd.ack(null);
    }

    private void dispatch(GCodeCommandImpl gcmd) throws Exception {
        Registration reg = commands.get(gcmd.getCommand());
        if (reg == null || !(reg.whenNotReady() || isPrinterReady())) {
            builtins.unknownCommand(gcmd);
            return;
        }
        invoke(reg, gcmd);
    }

    /** Runs a registered command by name on {@code gcmd} (used for M117-style fallbacks). */
    boolean invokeIfActive(String name, GCodeCommandImpl gcmd) throws Exception {
        Registration reg = commands.get(name);
        if (reg == null || !(reg.whenNotReady() || isPrinterReady())) {
            return false;
        }
        gcmd.setCommand(name);
        invoke(reg, gcmd);
        return true;
    }

    private void invoke(Registration reg, GCodeCommandImpl gcmd) throws Exception {
        if (reg.extended()) {
            gcmd.replaceParameters(extendedParams(gcmd));
        }
        reg.handler().handle(gcmd);
    }

    /** {@code KEY=value} words of an extended command, keys upper-cased. */
    private static Map<String, String> extendedParams(GCodeCommandImpl gcmd) {
        Map<String, String> params = new LinkedHashMap<>();
        try {
            for (String word : ShellSplitter.split(gcmd.getRawCommandParameters())) {
                int eq = word.indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException("no '=' in " + word);
                }
                params.put(word.substring(0, eq).toUpperCase(java.util.Locale.ROOT), word.substring(eq + 1));
            }
        } catch (IllegalArgumentException e) {
            throw new CommandError("Malformed command '" + gcmd.getCommandline() + "'");
        }
        return params;
    }

    @Override
    public GCodeCommand createCommand(String command, String commandline, Map<String, String> params) {
        return new GCodeCommandImpl(this, command, commandline, params, null);
    }

    /** Waits for queued moves if the printer is ready, then asks the host to exit with {@code result}. */
    public void requestRestart(String result) {
        builtins.requestRestart(result);
    }

    /** The last M117 message, or null (until a display module replaces M117). */
    public String getDisplayMessage() {
        return builtins.displayMessage();
    }

    // ---- responses ----------------------------------------------------------------

    @Override
    public void respondRaw(String message) {
        for (Consumer<String> handler : outputHandlers) {
            handler.accept(message);
        }
    }

    @Override
    public void respondInfo(String message) {
        respondInfo(message, true);
    }

    void respondInfo(String message, boolean log) {
        if (log) {
            LOG.info(message);
        }
        StringBuilder sb = new StringBuilder();
        for (String line : message.strip().split("\n", -1)) {
            sb.append(sb.length() == 0 ? "// " : "\n// ").append(line.strip());
        }
        respondRaw(sb.toString());
    }

    @Override
    public void respondError(String message) {
        LOG.warn(message);
        String[] lines = message.strip().split("\n", -1);
        if (lines.length > 1) {
            respondInfo(String.join("\n", lines), false);
        }
        respondRaw("!! " + lines[0].strip());
        if (fileInput) {
            errorExitRequested = true;
            printer.requestExit("error_exit");
        }
    }

    @Override
    public void registerOutputHandler(Consumer<String> handler) {
        outputHandlers.add(handler);
    }

    @Override
    public void unregisterOutputHandler(Consumer<String> handler) {
        outputHandlers.remove(handler);
    }
}
