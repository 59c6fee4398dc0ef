/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.host;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;

import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.StartArgs;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.core.api.reactor.Reactor;
import org.klipper4j.core.api.reactor.ReactorTimer;
import org.klipper4j.core.internal.pty.PseudoTerminal;
import org.klipper4j.core.internal.reactor.ThreadedReactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's main loop on its own thread, as klippy's main: build a printer,
 * run its reactor until an exit is requested, then either build a new printer
 * (RESTART, FIRMWARE_RESTART, module changes) or end the process.
 */
public final class HostLoop {
    private static final Logger LOG = LoggerFactory.getLogger(HostLoop.class);
    /** Module services often change in bursts (a bundle update is remove + add). */
    private static final double MODULE_CHANGE_SETTLE = 0.3;
    private static final double PRINT_END_POLL = 1.0;

    private final StartArgs args;
    private final ModuleRegistry registry;
    private final IntConsumer exit;
    private final Consumer<String> moduleListener = this::onModuleChange;
    private final Thread thread;
    private volatile boolean stopping;
    private volatile Current current;
    /** The -I pseudo-tty lives across printers so terminal programs keep their link through a RESTART. */
    private PseudoTerminal pty;
    private java.io.Reader batchInput;

    /** The printer that runs now with its reactor and parts. */
    record Current(PrinterImpl printer, Reactor reactor, PrinterAssembly assembly, List<String> pendingChanges,
            OutsideCalls calls) {
    }

    /**
     * Calls from other threads waiting for this printer's reactor. When the
     * printer ends (a restart) the ones that never ran fail instead of waiting forever.
     */
    static final class OutsideCalls {
        private final java.util.Set<CompletableFuture<?>> waiting = new java.util.HashSet<>();
        private boolean closed;

        synchronized boolean add(CompletableFuture<?> call) {
            if (closed) {
                return false;
            }
            waiting.add(call);
            call.whenComplete((r, e) -> remove(call));
            return true;
        }

        private synchronized void remove(CompletableFuture<?> call) {
            waiting.remove(call);
        }

        void close() {
            List<CompletableFuture<?>> left;
            synchronized (this) {
                closed = true;
                left = List.copyOf(waiting);
            }
            for (CompletableFuture<?> call : left) {
                call.completeExceptionally(new IllegalStateException("The printer restarted before the request ran"));
            }
        }
    }

    public HostLoop(StartArgs args, ModuleRegistry registry, IntConsumer exit) {
        this.args = args;
        this.registry = registry;
        this.exit = exit;
        this.thread = new Thread(this::runLoop, "klipper4j-host");
    }

    public void start() {
        registry.addListener(moduleListener);
        thread.start();
    }

    /** Stops the host without ending the process (the framework is stopping). */
    public void stop() {
        stopping = true;
        registry.removeListener(moduleListener);
        Current c = current;
        if (c != null) {
            c.reactor().registerAsyncCallback(t -> c.printer().requestExit("exit"));
        }
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void runLoop() {
        StartupLog.banner(args);
        while (true) {
            String result;
            try {
                result = runOnePrinter();
            } catch (RuntimeException e) {
                LOG.error("Unhandled exception in the host loop", e);
                result = "error_exit";
            }
            if (stopping) {
                closePty();
                return;
            }
            if ("restart".equals(result) || "firmware_restart".equals(result)) {
                LOG.info("Restarting printer");
                continue;
            }
            closePty();
            exit.accept("exit".equals(result) ? 0 : args.checkConfigOnly() ? 1 : 255);
            return;
        }
    }

    private String runOnePrinter() {
        ThreadedReactor reactor = new ThreadedReactor(args.isBatch());
        String[] result = new String[1];
        PrinterImpl[] holder = new PrinterImpl[1];
        ModuleRegistry.Snapshot modules = registry.snapshot();
        PrinterImpl printer = new PrinterImpl(reactor, args, modules, PrinterAssembly.internalModules(modules),
                r -> {
                    if (result[0] == null) {
                        result[0] = r;
                    }
                    reactor.end();
                });
        holder[0] = printer;
        reactor.setErrorHook(e -> {
            LOG.error("Unhandled exception during run", e);
            holder[0].invokeShutdown("Internal error: " + e);
        });
        PrinterAssembly assembly = new PrinterAssembly(printer, batchInput());
        OutsideCalls calls = new OutsideCalls();
        current = new Current(printer, reactor, assembly, new ArrayList<>(), calls);
        if (registry.generation() != modules.generation()) {
            // a module came or went while no printer was running to hear it
            onModuleChange("modules changed while the printer was being built");
        }
        reactor.registerCallback(t -> {
            assembly.start();
            attachPty(printer, assembly);
        }, Reactor.NOW);
        reactor.run();
        calls.close();
        String r = result[0] == null ? "exit" : result[0];
        assembly.stop(r);
        current = null;
        return r;
    }

    private void attachPty(PrinterImpl printer, PrinterAssembly assembly) {
        GCodeDispatch gcode = assembly.parts().gcode();
        if (args.inputTty().isEmpty() || gcode == null) {
            return;
        }
        if (pty == null) {
            PseudoTerminal opened = new PseudoTerminal(printer, gcode);
            try {
                opened.start(args.inputTty().get());
                pty = opened;
            } catch (IOException | RuntimeException e) {
                LOG.error("Unable to open the pseudo-tty at '{}': {}", args.inputTty().get(), e.getMessage());
            }
        } else {
            pty.rebind(printer, gcode);
        }
    }

    private void closePty() {
        if (pty != null) {
            pty.stop();
            pty = null;
        }
    }

    /** The -i input, opened once for the whole run: after a RESTART reading goes on where it stopped. */
    private java.io.Reader batchInput() {
        if (batchInput == null && args.inputFile().isPresent()) {
            try {
                batchInput = java.nio.file.Files.newBufferedReader(args.inputFile().get(),
                        java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException e) {
                LOG.error("Unable to open the input file '{}': {}", args.inputFile().get(), e.getMessage());
            }
        }
        return batchInput;
    }

    /** Called on OSGi threads when a module service comes or goes. */
    private void onModuleChange(String change) {
        Current c = current;
        LOG.info("Module change: {}", change);
        if (c == null || stopping) {
            return;
        }
        c.reactor().registerAsyncCallback(t -> {
            boolean first = c.pendingChanges().isEmpty();
            c.pendingChanges().add(change);
            if (first) {
                ReactorTimer[] timer = new ReactorTimer[1];
                timer[0] = c.reactor().registerTimer(now -> restartForModules(c, timer[0], now),
                        c.reactor().monotonic() + MODULE_CHANGE_SETTLE);
            }
        });
    }

    /** Restarts for a module change unless a print is running; then waits for it to end. */
    private double restartForModules(Current c, ReactorTimer timer, double now) {
        String what = String.join("; ", c.pendingChanges());
        if (isPrinting(c.printer())) {
            if (!c.assembly().restartDeferralAnnounced()) {
                c.assembly().announce("Module change (" + what + ") deferred until the print ends");
            }
            return now + PRINT_END_POLL;
        }
        c.assembly().announce("Module change (" + what + "): restarting the printer");
        c.reactor().unregisterTimer(timer);
        c.printer().requestExit("restart");
        return Reactor.NEVER;
    }

    /** The sections the core serves itself, without a module service (e.g. {@code respond}). */
    public static java.util.Set<String> coreSections() {
        return PrinterAssembly.internalModules(ModuleRegistry.Snapshot.of(java.util.List.of())).keySet();
    }

    static boolean isPrinting(Printer printer) {
        return printer.findObject("print_stats", StatusProvider.class).map(ps -> {
            Object state = ps.getStatus(printer.getReactor().monotonic()).get("state");
            return "printing".equals(state) || "paused".equals(state);
        }).orElse(false);
    }

    /** Runs {@code work} on the current printer's reactor and waits for its result. */
    <T> T onReactor(Function<PrinterImpl, T> work, long timeoutSeconds) {
        Current c = current;
        if (c == null) {
            throw new IllegalStateException("The printer host is not running");
        }
        CompletableFuture<T> future = new CompletableFuture<>();
        if (!c.calls().add(future)) {
            throw new IllegalStateException("The printer is restarting");
        }
        c.reactor().registerAsyncCallback(t -> {
            try {
                future.complete(work.apply(c.printer()));
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        });
        try {
            return future.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("The printer did not answer within " + timeoutSeconds + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted");
        }
    }

    Current current() {
        return current;
    }

    /** The G-code dispatcher of the current printer, for PrinterHost. */
    static GCodeDispatch gcode(Printer printer) {
        return printer.lookupObject("gcode", GCodeDispatch.class);
    }

    static Map<String, Object> status(Printer printer, String name) {
        return printer.findObject(name, StatusProvider.class)
                .map(sp -> sp.getStatus(printer.getReactor().monotonic())).orElse(null);
    }
}
