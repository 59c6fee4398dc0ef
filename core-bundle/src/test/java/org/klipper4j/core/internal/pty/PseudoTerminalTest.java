/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.pty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.klipper4j.core.internal.webhooks.FakeGCode;
import org.klipper4j.core.internal.webhooks.FakePrinter;
import org.klipper4j.core.internal.webhooks.FakeReactor;

/** The pseudo-tty for real: the test opens the symlink as a terminal program would. */
class PseudoTerminalTest {
    private static final long TIMEOUT_MILLIS = 10_000;

    private final LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
    private FakeReactor reactor;
    private FakeGCode gcode;
    private PseudoTerminal terminal;
    private Path link;
    private InputStream fromPrinter;
    private OutputStream toPrinter;

    @BeforeEach
    void setUp() throws Exception {
        reactor = new FakeReactor();
        gcode = new FakeGCode();
        terminal = new PseudoTerminal(new FakePrinter(reactor), gcode);
        link = Path.of("/tmp/k4j-pty-" + UUID.randomUUID().toString().substring(0, 8));
        terminal.start(link);
        fromPrinter = new FileInputStream(link.toFile());
        toPrinter = new FileOutputStream(link.toFile());
        Thread reader = new Thread(this::readLines, "pty-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    @AfterEach
    void tearDown() throws Exception {
        terminal.stop();
        toPrinter.close();
        fromPrinter.close();
        Files.deleteIfExists(link);
    }

    private void readLines() {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            int b;
            while ((b = fromPrinter.read()) >= 0) {
                if (b == '\n') {
                    received.add(line.toString(StandardCharsets.UTF_8));
                    line.reset();
                } else {
                    line.write(b);
                }
            }
        } catch (IOException e) {
            // the pseudo-tty was closed
        }
    }

    private void send(String text) throws IOException {
        toPrinter.write(text.getBytes(StandardCharsets.UTF_8));
        toPrinter.flush();
    }

    /** The next line the printer wrote, running reactor work while waiting. */
    private String nextLine() throws Exception {
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            String line = received.poll();
            if (line != null) {
                return line;
            }
            reactor.runPending(5);
        }
        fail("no line from the pseudo-tty within " + TIMEOUT_MILLIS + " ms");
        return null;
    }

    @Test
    void linkPointsAtThePseudoTty() throws Exception {
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(Path.of(terminal.deviceName()), Files.readSymbolicLink(link));
        assertTrue(terminal.deviceName().startsWith("/dev/pts/"), terminal.deviceName());
    }

    @Test
    void m115IsAnsweredWithOk() throws Exception {
        send("M115\n");
        assertEquals("ok FIRMWARE_NAME:Klipper FIRMWARE_VERSION:klipper4j-test", nextLine());
    }

    @Test
    void everyLineGetsItsResponseThenOk() throws Exception {
        send("BAD_CMD\r\nG28\n");
        assertEquals("!! Unknown command:\"BAD_CMD\"", nextLine());
        assertEquals("ok", nextLine());
        assertEquals("// G28", nextLine());
        assertEquals("ok", nextLine());
        assertEquals(List.of("BAD_CMD", "G28"), gcode.inputLines);
    }

    @Test
    void lineSplitAcrossWritesIsOneCommand() throws Exception {
        send("G1 X1");
        send("0 Y5\n");
        assertEquals("// G1 X10 Y5", nextLine());
        assertEquals("ok", nextLine());
        assertEquals(List.of("G1 X10 Y5"), gcode.inputLines);
    }

    @Test
    void responsesFromElsewhereReachTheTerminal() throws Exception {
        gcode.respondInfo("Klipper state: Ready");
        assertEquals("// Klipper state: Ready", nextLine());
    }

    @Test
    void stopRemovesTheLinkAndTheOutputHandler() throws Exception {
        assertEquals(1, gcode.outputHandlerCount());
        terminal.stop();
        assertFalse(Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertEquals(0, gcode.outputHandlerCount());
    }

    @Test
    void aRegularFileInTheWayIsNotDeleted() throws Exception {
        Path file = Path.of(link + "-file");
        Files.writeString(file, "keep me");
        try {
            PseudoTerminal other = new PseudoTerminal(new FakePrinter(reactor), gcode);
            IOException e = assertThrows(IOException.class, () -> other.start(file));
            assertTrue(e.getMessage().contains("not a symlink"), e.getMessage());
            assertEquals("keep me", Files.readString(file));
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
