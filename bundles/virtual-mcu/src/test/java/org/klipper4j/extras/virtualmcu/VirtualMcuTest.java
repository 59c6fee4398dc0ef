/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualmcu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.mcu.McuLink;
import org.klipper4j.extras.virtualmcu.internal.VirtualLinkProvider;

/** The board in real time over its in-process link, and the link provider. */
class VirtualMcuTest {

    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 5 s: " + what);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void runsCommandsAndStepsInRealTime() throws Exception {
        try (VirtualMcu board = new VirtualMcu("test", BoardWiring.virtualPrinter())) {
            McuLink link = board.openLink();
            LinkHost host = new LinkHost(link);
            host.send("identify offset=0 count=40");
            Map<String, Object> id = host.await("identify_response");
            assertEquals(40, ((byte[]) id.get("data")).length);

            host.send("allocate_oids count=1",
                    "config_stepper oid=0 step_pin=PB0 dir_pin=PB1 invert_step=0 step_pulse_ticks=100",
                    "finalize_config crc=42");
            host.send("get_clock");
            long clock = (Long) host.await("clock").get("clock");
            long start = (clock + 10_000_000) & 0xffffffffL; // 0.2 s ahead
            host.send("reset_step_clock oid=0 clock=" + start, "set_next_step_dir oid=0 dir=1",
                    "queue_step oid=0 interval=50000 count=100 add=0"); // 100 steps, 1 ms apart
            waitFor(() -> board.stepCount("PB0") == 100, "100 steps");
            assertEquals(8000 + 100, board.axisPosition("PB0"));
            host.send("get_config");
            Map<String, Object> config = host.await("config");
            assertEquals(42L, config.get("crc"));
            assertEquals(0L, config.get("is_shutdown"));
        }
    }

    @Test
    void keepsItsStateWhenTheHostReconnects() throws Exception {
        try (VirtualMcu board = new VirtualMcu("test", BoardWiring.virtualPrinter())) {
            LinkHost first = new LinkHost(board.openLink());
            first.send("allocate_oids count=0", "finalize_config crc=7");
            first.send("get_config");
            assertEquals(1L, first.await("config").get("is_config"));

            McuLink second = board.openLink();
            // a new host starts at sequence 0 again: the board's nak tells it which number to use
            LinkHost host = new LinkHost(second);
            host.resync();
            host.send("get_config");
            Map<String, Object> config = host.await("config");
            assertEquals(7L, config.get("crc"));
        }
    }

    @Test
    void emergencyStopOverTheLinkShutsTheBoardDown() throws Exception {
        try (VirtualMcu board = new VirtualMcu("test", BoardWiring.virtualPrinter())) {
            LinkHost host = new LinkHost(board.openLink());
            host.send("emergency_stop");
            Map<String, Object> shutdown = host.await("shutdown");
            assertEquals("Command request", shutdown.get("static_string_id"));
            assertTrue(board.isShutdown());
            assertEquals("Command request", board.shutdownReason());
        }
    }

    @Test
    void theProviderMakesOneBoardPerName() throws Exception {
        VirtualLinkProvider provider = new VirtualLinkProvider();
        try {
            McuLink link = provider.open("printer", 250000);
            VirtualMcu board = provider.board("printer");
            LinkHost host = new LinkHost(link);
            host.send("emergency_stop");
            host.await("shutdown");
            provider.open("printer", 250000).close();
            assertSame(board, provider.board("printer"));
            assertTrue(board.isShutdown());
            provider.open("other", 250000).close();
            assertTrue(!provider.board("other").isShutdown());
            IOException e = assertThrows(IOException.class, () -> provider.open(" ", 250000));
            assertEquals("A virtual MCU needs a name: serial: virtual:NAME", e.getMessage());
        } finally {
            provider.stop();
        }
    }

    @Test
    void aClosedLinkReportsEndOfStream() throws Exception {
        try (VirtualMcu board = new VirtualMcu("test", BoardWiring.virtualPrinter())) {
            McuLink link = board.openLink();
            link.close();
            assertEquals(-1, link.read(new byte[8], 0, 8, 100));
            assertThrows(IOException.class, () -> link.write(new byte[1], 0, 1));
        }
    }
}
