/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import org.klipper4j.core.api.PrinterModule;
import org.klipper4j.core.api.PrinterState;
import org.klipper4j.core.api.StartArgs;
import org.klipper4j.extras.virtualmcu.BoardWiring;
import org.klipper4j.extras.virtualmcu.VirtualMcu;
import org.klipper4j.mcu.internal.host.McuImpl;
import org.klipper4j.mcu.internal.host.McuModule;
import org.klipper4j.mcu.internal.link.McuLinkOpener;

/**
 * The core's host with the MCU module on a virtual board (serial {@code virtual:NAME}):
 * a test adds the modules it needs to {@link #registry}, starts the printer from its
 * config text and can make the board's MCU shut down. Lives in the host's package
 * because HostLoop and ModuleRegistry are package-private.
 */
final class VirtualBoardHost implements AutoCloseable {
    /** The modules the host serves; the MCU module is there already, as order 1. */
    final ModuleRegistry registry = new ModuleRegistry();
    final VirtualMcu board;
    private final AtomicReference<McuImpl> mcu = new AtomicReference<>();
    private HostLoop loop;

    VirtualBoardHost(String boardName) {
        board = new VirtualMcu(boardName, BoardWiring.virtualPrinter());
        McuLinkOpener opener = new McuLinkOpener();
        opener.addProvider("virtual", (address, baud) -> board.openLink());
        McuModule mcuModule = new McuModule(opener);
        // keeps the MCU so a test can send it commands the host would not
        PrinterModule capturingMcu = config -> {
            McuImpl m = (McuImpl) mcuModule.load(config);
            mcu.set(m);
            return m;
        };
        registry.add(new ModuleEntry("mcu", true, capturingMcu, "mcu-bundle", 1, 0));
    }

    /** Starts the printer from {@code config} (written to {@code dir}) and waits until it is ready. */
    PrinterHostService start(Path dir, String config) throws IOException, InterruptedException {
        Path cfg = dir.resolve("printer.cfg");
        Files.writeString(cfg, config);
        StartArgs args = new StartArgs(cfg, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Map.of(), false, false);
        loop = new HostLoop(args, registry, code -> { });
        loop.start();
        PrinterHostService host = new PrinterHostService(loop);
        waitFor("the printer to start", () -> host.getState() != PrinterState.STARTUP);
        assertEquals(PrinterState.READY, host.getState(), host.getStateMessage());
        return host;
    }

    /** Makes the board stop by itself (as on a failed check): the host only hears about it. */
    void shutDownBoard() {
        mcu.get().lookupCommand("emergency_stop", null).send();
    }

    /** Waits up to 15 s for {@code condition}. */
    static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    @Override
    public void close() {
        if (loop != null) {
            loop.stop();
        }
        board.close();
    }
}
