/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualmcu.faults;

import org.klipper4j.testkit.ReactorPrinter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.mcu.CommandQueue;
import org.klipper4j.core.api.mcu.McuCommand;
import org.klipper4j.core.internal.config.PrinterConfig;
import org.klipper4j.extras.virtualmcu.BoardWiring;
import org.klipper4j.extras.virtualmcu.VirtualMcu;
import org.klipper4j.mcu.internal.host.McuImpl;
import org.klipper4j.mcu.internal.host.McuModule;
import org.klipper4j.mcu.internal.link.McuLinkOpener;

/**
 * The host's MCU link (McuImpl, its serial queue) against the virtual board through a
 * line that drops, corrupts, duplicates and delays bytes: every command arrives once and
 * in order, the host retransmits, and a link that goes away ends in Klipper's shutdown.
 */
class LinkFaultsTest {

    @TempDir
    Path dir;
    private ReactorPrinter printer;
    private VirtualMcu board;
    private FaultyLink link;

    @AfterEach
    void stop() throws Exception {
        if (printer != null) {
            printer.close();
        }
        if (board != null) {
            board.close();
        }
    }

    /** A connected MCU on a board behind a (for now clean) faulty link; PD2 is output oid 0. */
    private McuImpl connect(long seed) throws Exception {
        board = new VirtualMcu("faults", BoardWiring.virtualPrinter());
        link = new FaultyLink(board.openLink(), 0, seed);
        Path cfg = dir.resolve("printer.cfg");
        Files.writeString(cfg, "[mcu]\nserial: faulty:faults\n");
        printer = new ReactorPrinter(ReactorPrinter.liveArgs(cfg));
        McuLinkOpener opener = new McuLinkOpener();
        opener.addProvider("faulty", (address, baud) -> link);
        McuModule module = new McuModule(opener);
        McuImpl mcu = printer.call(() -> {
            McuImpl m = (McuImpl) module.load(PrinterConfig.load(printer, cfg).section("mcu"));
            printer.addObject("mcu", m);
            m.registerConfigCallback(() -> m.addConfigCommand("config_digital_out oid=" + m.createOid()
                    + " pin=PD2 value=0 default_value=0 max_duration=0"));
            return m;
        });
        printer.run(() -> {
            printer.sendEvent(PrinterEvents.MCU_IDENTIFY);
            printer.sendEvent(PrinterEvents.CONNECT);
        });
        return mcu;
    }

    private static void waitFor(String what, int seconds, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    /** The commands of the job as the board logs them (debug_ping and update_digital_out only). */
    private List<String> jobCommandsSeenByBoard() {
        return board.commandLog().stream()
                .filter(c -> c.startsWith("debug_ping ") || c.startsWith("update_digital_out ")).toList();
    }

    private static long counter(String stats, String name) {
        Matcher m = Pattern.compile("\\b" + name + "=(\\d+)").matcher(stats);
        assertTrue(m.find(), name + " in " + stats);
        return Long.parseLong(m.group(1));
    }

    /** Sends {@code commands} pings (and an output update every fourth), one every {@code stepMillis}. */
    private List<String> runJob(McuImpl mcu, int commands, int stepMillis) throws Exception {
        List<String> sent = new ArrayList<>();
        CommandQueue queue = printer.call(mcu::allocCommandQueue);
        McuCommand ping = printer.call(() -> mcu.lookupCommand("debug_ping data=%*s", queue));
        McuCommand update = printer.call(() -> mcu.lookupCommand("update_digital_out oid=%c value=%c", queue));
        for (int i = 0; i < commands; i++) {
            int n = i;
            printer.run(() -> {
                // 0x7e and 0x7d in the payload: the sync byte must not confuse either end
                byte[] data = {(byte) (n >> 8), (byte) n, (byte) 0x7e, (byte) 0x7d};
                ping.send(data);
                sent.add(String.format(Locale.ROOT, "debug_ping data=%04x7e7d", n));
                if (n % 4 == 0) {
                    update.send(0, n / 4 % 2);
                    sent.add("update_digital_out oid=0 value=" + (n / 4 % 2));
                }
            });
            Thread.sleep(stepMillis);
        }
        return sent;
    }

    @Test
    void atOnePercentEveryCommandArrivesExactlyOnceInOrderAndTheJobCompletes() throws Exception {
        runFaultyJob(11, 0.01, 400, 5);
    }

    /**
     * At 5 % a 64-byte block gets through whole about one time in ten. The host keeps
     * blocks short while the line is noisy, retransmits at once on a nak that follows
     * progress and caps the timeout backoff, and re-asks unanswered clock queries: the job
     * completes and the printer stays up.
     */
    @Test
    void atFivePercentEveryCommandArrivesExactlyOnceInOrderAndTheJobCompletes() throws Exception {
        runFaultyJob(12, 0.05, 150, 20);
    }

    private void runFaultyJob(long seed, double rate, int commands, int stepMillis) throws Exception {
        McuImpl mcu = connect(seed);
        link.setRate(rate);
        List<String> sent = runJob(mcu, commands, stepMillis);
        try {
            waitFor("the job to reach the board", 60, () -> jobCommandsSeenByBoard().size() >= sent.size());
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": " + jobCommandsSeenByBoard().size() + " of " + sent.size()
                    + " arrived; host " + mcu.stats(0).text() + "; shutdowns " + printer.shutdowns, e);
        }
        waitFor("an idle send queue", 20, () -> counter(mcu.stats(0).text(), "ready_bytes") == 0
                && counter(mcu.stats(0).text(), "upcoming_bytes") == 0);
        link.setRate(0);

        assertEquals(sent, jobCommandsSeenByBoard());
        assertFaultsHappenedAndTheHostRetransmitted(mcu);
        assertEquals(List.of(), printer.shutdowns, "the printer stayed up");
        assertFalse(board.isShutdown(), "no corrupted command ran on the board: " + board.shutdownReason());
    }

    private void assertFaultsHappenedAndTheHostRetransmitted(McuImpl mcu) {
        assertTrue(link.dropped.get() > 0 && link.corrupted.get() > 0 && link.duplicated.get() > 0
                && link.delayed.get() > 0, "each kind of fault happened");
        String stats = mcu.stats(0).text();
        assertTrue(counter(stats, "bytes_retransmit") > 0, stats);
        assertTrue(counter(stats, "retransmit_seq") > 0, stats);
        assertTrue(counter(stats, "bytes_invalid") > 0, stats);
    }

    @Test
    void aLinkThatGoesAwayShutsThePrinterDownWithKlippersMessage() throws Exception {
        connect(13);
        link.setRate(0.01);
        Thread.sleep(300);
        assertTrue(printer.shutdowns.isEmpty(), "running before the unplug: " + printer.shutdowns);
        board.openLink(); // the board side of our link is closed, as when a cable is pulled
        waitFor("the shutdown", 10, () -> !printer.shutdowns.isEmpty());
        assertEquals(List.of("Lost communication with MCU 'mcu'"), printer.shutdowns);
    }
}
