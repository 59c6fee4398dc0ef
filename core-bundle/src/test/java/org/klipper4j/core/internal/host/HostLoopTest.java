/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;
import org.klipper4j.core.api.PrinterState;
import org.klipper4j.core.api.StartArgs;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.gcode.GCodeDispatch;

/** The host loop without OSGi: config loading, module changes, the RESTART path and exits. */
class HostLoopTest {
    @TempDir
    Path dir;

    private final ModuleRegistry registry = new ModuleRegistry();
    private final BlockingQueue<Integer> exitCodes = new ArrayBlockingQueue<>(4);
    private HostLoop loop;

    /** A section module like a bundle's: [hello] with 'word', a HELLO command and a status. */
    static final class HelloModule implements PrinterModule {
        private final String reply;

        HelloModule(String reply) {
            this.reply = reply;
        }

        @Override
        public Object load(ConfigSection config) {
            String word = config.get("word", "world");
            GCodeDispatch gcode = config.getPrinter().lookupObject("gcode", GCodeDispatch.class);
            gcode.registerCommand("HELLO", cmd -> cmd.respondInfo(reply + " " + word), "Say hello");
            return (StatusProvider) t -> Map.of("word", word);
        }
    }

    /** A stand-in print_stats whose state a test sets. */
    static final class PrintState implements PrinterModule, StatusProvider {
        volatile String state = "standby";

        @Override
        public Object load(ConfigSection config) {
            return this;
        }

        @Override
        public Map<String, Object> getStatus(double eventtime) {
            return Map.of("state", state);
        }
    }

    @AfterEach
    void stopLoop() {
        if (loop != null) {
            loop.stop();
        }
    }

    private Path config(String text) throws IOException {
        Path cfg = dir.resolve("printer.cfg");
        Files.writeString(cfg, text);
        return cfg;
    }

    private StartArgs args(Path cfg, Path input, boolean checkOnly) {
        return new StartArgs(cfg, Optional.empty(), Optional.empty(), Optional.empty(), Optional.ofNullable(input),
                input == null ? Optional.empty() : Optional.of(dir.resolve("out.serial")), Map.of(), false,
                checkOnly);
    }

    private PrinterHostService start(StartArgs args) {
        loop = new HostLoop(args, registry, exitCodes::add);
        loop.start();
        return new PrinterHostService(loop);
    }

    private static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    private static boolean ready(PrinterHostService host) {
        return host.getState() == PrinterState.READY;
    }

    @Test
    void batchRunExecutesTheInputAndExitsWithZero() throws Exception {
        registry.add(new ModuleEntry("hello", false, new HelloModule("hi"), "test 1", 1, 0));
        Path input = dir.resolve("in.gcode");
        Files.writeString(input, "HELLO\nRESPOND MSG=done\n");
        start(args(config("[hello]\nword: there\n[respond]\n"), input, false));
        assertEquals(0, exitCodes.poll(10, TimeUnit.SECONDS));
    }

    @Test
    void batchRunWithAConfigErrorExitsNonZero() throws Exception {
        Path input = dir.resolve("in.gcode");
        Files.writeString(input, "G4\n");
        start(args(config("[nosuch_section]\nx: 1\n"), input, false));
        assertEquals(255, exitCodes.poll(10, TimeUnit.SECONDS));
    }

    @Test
    void checkConfigExitsZeroOnAValidConfigAndOneOnAnError() throws Exception {
        registry.add(new ModuleEntry("hello", false, new HelloModule("hi"), "test 1", 1, 0));
        start(args(config("[hello]\n"), null, true));
        assertEquals(0, exitCodes.poll(10, TimeUnit.SECONDS));
        loop.stop();
        start(args(config("[hello]\nwrod: typo\n"), null, true));
        assertEquals(1, exitCodes.poll(10, TimeUnit.SECONDS));
    }

    @Test
    void unservedSectionLeavesThePrinterInErrorNamingIt() throws Exception {
        PrinterHostService host = start(args(config("[greeter]\nmessage: hi\n"), null, false));
        waitFor("error state", () -> host.getState() == PrinterState.ERROR);
        assertTrue(host.getStateMessage().startsWith("Section 'greeter' is not a valid config section; it is "
                + "served by the 'example-greeter' bundle, which is not installed"), host.getStateMessage());
        assertTrue(host.getStateMessage().contains("RESTART"), "tells how to recover");
    }

    @Test
    void misspelledOptionNamesSectionAndOption() throws Exception {
        registry.add(new ModuleEntry("hello", false, new HelloModule("hi"), "test 1", 1, 0));
        PrinterHostService host = start(args(config("[hello]\nwrod: x\n"), null, false));
        waitFor("error state", () -> host.getState() == PrinterState.ERROR);
        assertTrue(host.getStateMessage().startsWith("Option 'wrod' is not valid in section 'hello'"));
    }

    @Test
    void addingAndRemovingAModuleRestartsThePrinter() throws Exception {
        PrinterHostService host = start(args(config("[hello]\nword: again\n[respond]\n"), null, false));
        waitFor("error without the module", () -> host.getState() == PrinterState.ERROR);

        registry.add(new ModuleEntry("hello", false, new HelloModule("v1"), "test 1", 11, 0));
        waitFor("ready with the module", () -> ready(host));
        assertEquals(List.of("// v1 again"), host.runGCode("HELLO"));
        assertEquals(Map.of("word", "again"), host.queryStatus("hello", null));

        registry.add(new ModuleEntry("hello", false, new HelloModule("v2"), "test 2", 12, 0));
        registry.remove(11);
        waitFor("v2 answers", () -> ready(host) && host.runGCode("HELLO").equals(List.of("// v2 again")));

        registry.remove(12);
        waitFor("error again", () -> host.getState() == PrinterState.ERROR);
        CommandError e = assertThrows(CommandError.class, () -> host.runGCode("HELLO"));
        assertTrue(e.getMessage().startsWith("Section 'hello' is not a valid config section"),
                "a not-ready printer answers commands with its state: " + e.getMessage());
    }

    @Test
    void moduleAddedWhileThePrinterStartsIsNotLost() throws Exception {
        PrinterHostService host = start(args(config("[hello]\n"), null, false));
        registry.add(new ModuleEntry("hello", false, new HelloModule("hi"), "test 1", 1, 0));
        waitFor("ready with the module", () -> ready(host));
        assertEquals(List.of("// hi world"), host.runGCode("HELLO"));
    }

    @Test
    void moduleChangeWaitsForThePrintToEnd() throws Exception {
        PrintState printStats = new PrintState();
        registry.add(new ModuleEntry("print_stats", false, printStats, "test 1", 1, 0));
        registry.add(new ModuleEntry("hello", false, new HelloModule("v1"), "test 1", 2, 0));
        PrinterHostService host = start(args(config("[print_stats]\n[hello]\n[respond]\n"), null, false));
        waitFor("ready", () -> ready(host));
        printStats.state = "printing";

        registry.add(new ModuleEntry("hello", false, new HelloModule("v2"), "test 2", 3, 0));
        registry.remove(2);
        Thread.sleep(1500);
        List<String> during = host.runGCode("HELLO");
        assertEquals(List.of("// v1 world"), during, "the old module keeps running while printing");

        printStats.state = "complete";
        waitFor("restarted with the new module",
                () -> ready(host) && safeRun(host, "HELLO").equals(List.of("// v2 world")));
    }

    private static List<String> safeRun(PrinterHostService host, String script) {
        try {
            return host.runGCode(script);
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}
