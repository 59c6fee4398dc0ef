/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualsdcard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.testkit.FakeConfig;
import org.klipper4j.testkit.FakeGCode;
import org.klipper4j.testkit.FakePrinter;
import org.klipper4j.testkit.FakeReactor;

class VirtualSdcardTest {

    @TempDir
    Path dir;

    private FakePrinter printer;
    private FakeReactor reactor;
    private FakeGCode gcode;
    private FakePrintStats stats;
    private VirtualSdcard sdcard;
    private int jumps;
    private final List<Object> recorded = new ArrayList<>();

    @BeforeEach
    void setUp() {
        printer = new FakePrinter();
        reactor = printer.reactor();
        gcode = new FakeGCode();
        stats = new FakePrintStats();
        printer.addObject("gcode", gcode);
        printer.addLoader("print_stats", c -> stats);
        gcode.registerCommand("ADVANCE", cmd -> reactor.advance(cmd.getFloat("S")), null);
        gcode.registerCommand("FAIL", cmd -> {
            throw cmd.error("Failure requested");
        }, null);
        gcode.registerCommand("SHUTDOWN_NOW", cmd -> printer.invokeShutdown("test shutdown"), null);
        gcode.registerCommand("CANCEL_FROM_FILE", cmd -> sdcard.doCancel(), null);
        gcode.registerCommand("WAIT", cmd -> reactor.pause(reactor.monotonic() + cmd.getFloat("S")), null);
        gcode.registerCommand("RECORD_POS", cmd -> recorded.add(status().get("file_position")), null);
        gcode.registerCommand("JUMP_ONCE", cmd -> {
            if (jumps++ == 0) {
                sdcard.setFilePosition(cmd.getInt("S"));
            }
        }, null);
    }

    private void load(Map<String, String> options) {
        Map<String, String> all = new HashMap<>(options);
        all.putIfAbsent("path", dir.toString());
        sdcard = (VirtualSdcard) new VirtualSdcardModule().load(new FakeConfig(printer, "virtual_sdcard", all));
    }

    private void load() {
        load(Map.of());
    }

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private Map<String, Object> status() {
        return sdcard.getStatus(reactor.monotonic());
    }

    private List<String> respond(String line) {
        gcode.output.clear();
        String error = gcode.run(line);
        List<String> out = new ArrayList<>(gcode.output);
        if (error != null) {
            assertEquals("!! " + error, out.get(out.size() - 1));
        }
        return out;
    }

    private String error(String line) {
        String error = gcode.run(line);
        assertTrue(error != null, line + " should fail");
        return error;
    }

    @Test
    void moduleLoadsPrintStatsAndRegistersCommands() {
        load();
        assertSame(stats, printer.lookupObject("print_stats"));
        for (String c : List.of("M20", "M21", "M23", "M24", "M25", "M26", "M27", "M28", "M29", "M30",
                "SDCARD_RESET_FILE", "SDCARD_PRINT_FILE")) {
            assertTrue(gcode.isRegistered(c), c);
        }
        assertEquals(VirtualSdcard.PRINT_FILE_HELP, gcode.getCommandHelp().get("SDCARD_PRINT_FILE"));
    }

    @Test
    void pathIsRequired() {
        FakeConfig config = new FakeConfig(printer, "virtual_sdcard", Map.of());
        assertThrows(ConfigException.class, () -> new VirtualSdcardModule().load(config));
    }

    @Test
    void statusHasKlipperFieldsPlusEstimate() {
        load();
        assertEquals(List.of("file_path", "progress", "is_active", "file_position", "file_size",
                "estimated_remaining"), List.copyOf(status().keySet()));
        assertNull(status().get("file_path"));
        assertEquals(0.0, status().get("progress"));
        assertEquals(false, status().get("is_active"));
        assertNull(status().get("estimated_remaining"));
    }

    @Test
    void m20ListsPlainFilesSortedIgnoringCase() throws IOException {
        write("b.gcode", "G1\n");
        write("A.gcode", "G28\nG1\n");
        write(".hidden.gcode", "G1\n");
        write("notes.txt", "hello");
        write("sub/c.gcode", "G1\n");
        load();
        assertEquals(List.of("Begin file list", "A.gcode 7", "b.gcode 3", "notes.txt 5", "End file list"),
                respond("M20"));
    }

    @Test
    void m20OnMissingFolderFails() {
        load(Map.of("path", dir.resolve("nope").toString()));
        assertEquals("Unable to get file list", error("M20"));
    }

    @Test
    void m21AnswersSdCardOk() {
        load();
        assertEquals(List.of("SD card ok"), respond("M21"));
    }

    @Test
    void m23SelectsAFileIgnoringCase() throws IOException {
        write("A.gcode", "G28\nG1\n");
        load();
        assertEquals(List.of("File opened:a.GCODE Size:7", "File selected"), respond("M23 /a.GCODE"));
        assertEquals(dir.resolve("A.gcode").toString(), status().get("file_path"));
        assertEquals(7L, status().get("file_size"));
        assertEquals(false, status().get("is_active"));
        assertEquals(List.of("reset", "setCurrentFile a.GCODE"), stats.calls);
        assertEquals(List.of("SD printing byte 0/7", "// 0.0% printed"), respond("M27"));
    }

    @Test
    void m23OfAMissingFileFails() {
        load();
        assertEquals("Unable to open file", error("M23 missing.gcode"));
        assertEquals(List.of("Not SD printing."), respond("M27"));
    }

    @Test
    void printsAFileToTheEnd() throws IOException {
        String content = "G28\nG1 X10\n; only a comment\nG1 Y5\n";
        write("part.gcode", content);
        load();
        gcode.run("M23 part.gcode");
        gcode.output.clear();
        gcode.run("M24");
        assertEquals(true, status().get("is_active"));
        reactor.runDue();
        assertEquals(List.of("M23 part.gcode", "M24", "G28", "G1 X10", "G1 Y5"), gcode.executed);
        assertEquals(List.of("// SD print started: part.gcode (34 bytes)", "Done printing file",
                "// Print finished: part.gcode in 0:00:00"), gcode.output);
        assertEquals(false, status().get("is_active"));
        assertEquals(34L, status().get("file_position")); // 4 + 7 + 17 + 6 bytes
        assertEquals(1.0, status().get("progress"));
        assertNull(status().get("file_path"));
        assertEquals(List.of("reset", "setCurrentFile part.gcode", "start", "complete"), stats.calls);
        assertEquals(List.of("Not SD printing."), respond("M27"));
        assertEquals(0, reactor.activeTimers());
    }

    @Test
    void printsKlipperTestFileAcrossChunkBoundaries() throws IOException {
        byte[] big;
        try (InputStream in = getClass().getResourceAsStream("/sdcard_loop/big.gcode")) {
            big = in.readAllBytes();
        }
        assertTrue(big.length > GCodeFileReader.CHUNK_SIZE);
        Files.write(dir.resolve("big.gcode"), big);
        List<String> expected = new ArrayList<>();
        for (String line : new String(big, StandardCharsets.UTF_8).split("\n")) {
            String code = line.contains(";") ? line.substring(0, line.indexOf(';')) : line;
            if (!code.isBlank()) {
                expected.add(code.trim());
            }
        }
        load();
        gcode.run("SDCARD_PRINT_FILE FILENAME=big.gcode");
        gcode.executed.clear();
        reactor.runDue();
        assertEquals(expected, gcode.executed);
        assertEquals(8396L, status().get("file_position"));
        assertEquals(8396L, status().get("file_size"));
        assertTrue(gcode.output.contains("Done printing file"));
    }

    @Test
    void positionsCountBytesNotCharacters() throws IOException {
        write("utf.gcode", "M117 h\u00e9llo\nRECORD_POS\n");
        load();
        gcode.run("SDCARD_PRINT_FILE FILENAME=utf.gcode");
        reactor.runDue();
        assertEquals(List.of(12L), recorded); // 10 characters, 11 bytes, newline
    }

    @Test
    void otherTimersRunAtChunkReadsNotBetweenLines() throws IOException {
        // KICK (5 bytes) and 500 lines of 20 bytes: line 410 starts in the first chunk
        // and ends in the second, so the print yields once after KICK, before that line
        List<Integer> ranAfterLines = new ArrayList<>();
        var recorder = reactor.registerTimer(e -> {
            ranAfterLines.add(gcode.executed.size());
            return FakeReactor.NEVER;
        }, FakeReactor.NEVER);
        gcode.registerCommand("KICK", cmd -> reactor.updateTimer(recorder, FakeReactor.NOW), null);
        write("chunks.gcode", "KICK\n" + "G1 X1 ; pad pad pad\n".repeat(500));
        load();
        gcode.run("SDCARD_PRINT_FILE FILENAME=chunks.gcode");
        gcode.executed.clear();
        reactor.runDue();
        assertEquals(501, gcode.executed.size());
        assertEquals(List.of(410), ranAfterLines);
    }

    @Test
    void lastLineWithoutNewlineRuns() throws IOException {
        write("tail.gcode", "G1 X1\nG1 X2");
        load();
        gcode.run("SDCARD_PRINT_FILE FILENAME=tail.gcode");
        reactor.runDue();
        assertEquals(List.of("G1 X1", "G1 X2"), gcode.executed.subList(1, 3));
        assertEquals(11L, status().get("file_position"));
        assertEquals(1.0, status().get("progress"));
    }

    @Test
    void aShutdownAtAChunkReadStopsBeforeTheNextLine() throws IOException {
        var shutdown = reactor.registerTimer(e -> {
            printer.invokeShutdown("test shutdown");
            return FakeReactor.NEVER;
        }, FakeReactor.NEVER);
        gcode.registerCommand("KICK", cmd -> reactor.updateTimer(shutdown, FakeReactor.NOW), null);
        write("chunks.gcode", "KICK\n" + "G1 X1 ; pad pad pad\n".repeat(500));
        load();
        gcode.run("SDCARD_PRINT_FILE FILENAME=chunks.gcode");
        gcode.executed.clear();
        reactor.runDue();
        assertEquals(410, gcode.executed.size());
        assertEquals(8185L, status().get("file_position")); // 5 + 409 * 20
        assertFalse(sdcard.isActive());
    }

    @Test
    void pauseWhileALineWaitsStopsAfterThatLineAndResumeContinues() throws IOException {
        write("f.gcode", "G1 X1\nWAIT S=1\nG1 X3\nG1 X4\nG1 X5\n");
        load();
        gcode.run("M23 f.gcode");
        gcode.run("M24");
        reactor.registerCallback(e -> gcode.run("M25"), reactor.monotonic() + 0.5);
        gcode.output.clear();
        reactor.runFor(2.);
        assertEquals(false, status().get("is_active"));
        assertEquals(15L, status().get("file_position"));
        assertEquals(List.of("// SD print started: f.gcode (33 bytes)",
                "// SD print paused: f.gcode at byte 15/33 (45.5%)"), gcode.output);
        assertEquals(List.of("reset", "setCurrentFile f.gcode", "start", "pause"), stats.calls);
        gcode.output.clear();
        gcode.run("M24");
        reactor.runDue();
        assertEquals(List.of("G1 X1", "WAIT S=1", "M25", "M24", "G1 X3", "G1 X4", "G1 X5"),
                gcode.executed.subList(2, gcode.executed.size()));
        assertEquals("// SD print resumed: f.gcode at byte 15/33 (45.5%)", gcode.output.get(0));
        assertEquals(List.of("reset", "setCurrentFile f.gcode", "start", "pause", "start", "complete"),
                stats.calls);
    }

    @Test
    void pauseFromTheFileStopsAfterThatLine() throws IOException {
        write("f.gcode", "G1 X1\nM25\nG1 X2\n");
        load();
        gcode.run("SDCARD_PRINT_FILE FILENAME=f.gcode");
        reactor.runDue();
        assertEquals(List.of("G1 X1", "M25"), gcode.executed.subList(1, 3));
        assertEquals(3, gcode.executed.size());
        assertEquals(10L, status().get("file_position"));
        assertEquals("paused", stats.getState());
    }

    @Test
    void busyPrinterRefusesFileCommands() throws IOException {
        write("f.gcode", "G1 X1\nG1 X2\n");
        load();
        gcode.run("SDCARD_PRINT_FILE FILENAME=f.gcode");
        assertEquals("SD busy", error("M24"));
        assertEquals("SD busy", error("M23 f.gcode"));
        assertEquals("SD busy", error("M26 S0"));
        assertEquals("SD busy", error("SDCARD_PRINT_FILE FILENAME=f.gcode"));
    }

    @Test
    void m26SetsWherePrintingStarts() throws IOException {
        write("f.gcode", "G1 X1\nG1 X2\nG1 X3\n");
        load();
        gcode.run("M23 f.gcode");
        assertEquals("Error on 'M26 S-1': S must have minimum of 0", error("M26 S-1"));
        assertEquals("Error on 'M26': missing S", error("M26"));
        gcode.run("M26 S6");
        assertEquals(6L, status().get("file_position"));
        gcode.executed.clear();
        gcode.run("M24");
        reactor.runDue();
        assertEquals(List.of("M24", "G1 X2", "G1 X3"), gcode.executed);
    }

    @Test
    void errorStopsThePrintAndRunsOnErrorGCode() throws IOException {
        write("f.gcode", "G1 X1\nFAIL\nG1 X2\n");
        load(Map.of("on_error_gcode", "M104 S0\nM140 S0"));
        gcode.run("SDCARD_PRINT_FILE FILENAME=f.gcode");
        gcode.executed.clear();
        gcode.output.clear();
        reactor.runDue();
        assertEquals(List.of("G1 X1", "FAIL", "M104 S0", "M140 S0"), gcode.executed);
        assertEquals("error Failure requested", stats.calls.get(stats.calls.size() - 1));
        assertEquals(false, status().get("is_active"));
        assertEquals(6L, status().get("file_position"));
        assertEquals(List.of("// SD print started: f.gcode (17 bytes)", "!! Failure requested",
                "// SD print stopped by an error: f.gcode at byte 6/17 (35.3%)"), gcode.output);
    }

    @Test
    void defaultOnErrorTurnsHeatersOffWhenThereAreHeaters() throws IOException {
        write("f.gcode", "FAIL\n");
        printer.addObject("heaters", new Object());
        load();
        gcode.run("SDCARD_PRINT_FILE FILENAME=f.gcode");
        reactor.runDue();
        assertEquals("TURN_OFF_HEATERS", gcode.executed.get(gcode.executed.size() - 1));
    }

    @Test
    void defaultOnErrorDoesNothingWithoutHeaters() throws IOException {
        write("f.gcode", "FAIL\n");
        load();
        gcode.run("SDCARD_PRINT_FILE FILENAME=f.gcode");
        reactor.runDue();
        assertEquals("FAIL", gcode.executed.get(gcode.executed.size() - 1));
    }

    @Test
    void shutdownStopsThePrint() throws IOException {
        write("f.gcode", "G1 X1\nSHUTDOWN_NOW\nG1 X2\n");
        load();
        gcode.run("SDCARD_PRINT_FILE FILENAME=f.gcode");
        reactor.runDue();
        assertEquals(List.of("G1 X1", "SHUTDOWN_NOW"), gcode.executed.subList(1, 3));
        assertEquals(3, gcode.executed.size());
        assertEquals(false, status().get("is_active"));
        assertEquals("pause", stats.calls.get(stats.calls.size() - 1));
    }

    @Test
    void cancelWhileALineWaitsClosesTheFile() throws IOException {
        write("f.gcode", "G1 X1\nWAIT S=1\nG1 X3\n");
        load();
        gcode.run("SDCARD_PRINT_FILE FILENAME=f.gcode");
        reactor.registerCallback(e -> sdcard.doCancel(), reactor.monotonic() + 0.5);
        reactor.runFor(2.);
        assertFalse(sdcard.isActive());
        assertNull(status().get("file_path"));
        assertEquals(List.of("start", "cancel"), stats.calls.subList(2, 4));
        assertEquals("cancelled", stats.getState());
        assertTrue(gcode.output.contains("// SD print cancelled: f.gcode"));
        assertFalse(gcode.executed.contains("G1 X3"));
        assertEquals(List.of("Not SD printing."), respond("M27"));
    }

    @Test
    void cancelFromTheFileEndsTheJobCancelled() throws IOException {
        write("f.gcode", "G1 X1\nCANCEL_FROM_FILE\nG1 X2\n");
        load();
        gcode.run("SDCARD_PRINT_FILE FILENAME=f.gcode");
        reactor.runDue();
        assertEquals(3, gcode.executed.size());
        assertEquals("cancelled", stats.getState());
        assertEquals(List.of("start", "cancel"), stats.calls.subList(2, 4));
        assertFalse(sdcard.isActive());
    }

    @Test
    void resetFileClearsTheSelection() throws IOException {
        write("f.gcode", "G1 X1\n");
        load();
        gcode.run("M23 f.gcode");
        printer.events.clear();
        gcode.run("SDCARD_RESET_FILE");
        assertNull(status().get("file_path"));
        assertEquals(0L, status().get("file_size"));
        assertEquals("reset", stats.calls.get(stats.calls.size() - 1));
        assertEquals(List.of("virtual_sdcard:reset_file"), printer.events);
    }

    @Test
    void resetFileIsRefusedFromTheFile() throws IOException {
        write("f.gcode", "SDCARD_RESET_FILE\nG1 X1\n");
        load();
        gcode.run("SDCARD_PRINT_FILE FILENAME=f.gcode");
        reactor.runDue();
        assertTrue(gcode.output.contains("!! SDCARD_RESET_FILE cannot be run from the sdcard"));
        assertEquals("error SDCARD_RESET_FILE cannot be run from the sdcard",
                stats.calls.get(stats.calls.size() - 1));
    }

    @Test
    void printFileFindsGCodeInSubfoldersOnly() throws IOException {
        write("sub/Part.gcode", "G1 X1\n");
        write("notes.txt", "G1 X1\n");
        load();
        List<String> out = respond("SDCARD_PRINT_FILE FILENAME=/sub/part.gcode");
        assertEquals(List.of("File opened:sub/part.gcode Size:6", "File selected"), out.subList(0, 2));
        assertTrue(sdcard.isActive());
        reactor.runDue();
        assertEquals("Unable to open file", error("SDCARD_PRINT_FILE FILENAME=notes.txt"));
        assertEquals("Error on 'SDCARD_PRINT_FILE': missing FILENAME", error("SDCARD_PRINT_FILE"));
    }

    @Test
    void writeCommandsAreNotSupported() {
        load();
        assertEquals("SD write not supported", error("M28 x.gcode"));
        assertEquals("SD write not supported", error("M29"));
        assertEquals("SD write not supported", error("M30 x.gcode"));
    }

    @Test
    void estimatesRemainingTimeFromTheAverageRate() throws IOException {
        write("slow.gcode", "ADVANCE S=1\n".repeat(2) + "RECORD_EST\n" + "ADVANCE S=1\n".repeat(2));
        gcode.registerCommand("RECORD_EST", cmd -> {
            recorded.add(status().get("estimated_remaining"));
            recorded.add(respond("M27"));
        }, null);
        load();
        gcode.run("SDCARD_PRINT_FILE FILENAME=slow.gcode");
        assertNull(status().get("estimated_remaining"));
        reactor.runDue();
        // 24 of 59 bytes took 2 s, so the 35 bytes left take about 2.9 s (shown rounded)
        assertEquals(35. / 12., (double) recorded.get(0), 1e-9);
        assertEquals(List.of("SD printing byte 24/59", "// 40.7% printed, about 0:00:03 remaining"),
                recorded.get(1));
        assertEquals("// Print finished: slow.gcode in 0:00:04", gcode.output.get(gcode.output.size() - 1));
    }

    @Test
    void aCommandCanMoveTheFilePosition() throws IOException {
        write("loop.gcode", "G1 X1\nJUMP_ONCE S=0\nG1 X2\n");
        load();
        gcode.run("SDCARD_PRINT_FILE FILENAME=loop.gcode");
        gcode.executed.clear();
        reactor.runDue();
        assertEquals(List.of("G1 X1", "JUMP_ONCE S=0", "G1 X1", "JUMP_ONCE S=0", "G1 X2"), gcode.executed);
        assertEquals(26L, status().get("file_position"));
    }

    @Test
    void resumeWithoutAFileDoesNothing() {
        load();
        assertNull(gcode.run("M24"));
        assertFalse(sdcard.isActive());
    }

    @Test
    void commandErrorsAreCommandErrors() throws IOException {
        write("f.gcode", "G1 X1\n");
        load();
        gcode.run("SDCARD_PRINT_FILE FILENAME=f.gcode");
        assertThrows(CommandError.class, sdcard::doResume);
    }

    @Test
    void aLongPrintSaysHowFarItGotEveryTenthAtMostOnceAMinute() throws IOException {
        // 20 lines of 13 bytes, each taking 10 s: a tenth of the file every 20 s
        write("long.gcode", "ADVANCE S=10\n".repeat(20));
        load();
        gcode.run("SDCARD_PRINT_FILE FILENAME=long.gcode");
        gcode.output.clear();
        reactor.runDue();
        List<String> progress = gcode.output.stream().filter(l -> l.startsWith("// Printing")).toList();
        // 10% and 20% come before a minute has passed; then every third tenth is a minute later
        assertEquals(List.of(
                "// Printing long.gcode: 30% done, 0:01:00 elapsed, about 0:02:20 remaining",
                "// Printing long.gcode: 60% done, 0:02:00 elapsed, about 0:01:20 remaining",
                "// Printing long.gcode: 90% done, 0:03:00 elapsed, about 0:00:20 remaining"), progress);
        assertEquals("// Print finished: long.gcode in 0:03:20", gcode.output.get(gcode.output.size() - 1));
    }

    @Test
    void aShortPrintOnlySaysItStartedAndFinished() throws IOException {
        write("short.gcode", "ADVANCE S=5\n".repeat(10));
        load();
        gcode.run("SDCARD_PRINT_FILE FILENAME=short.gcode");
        gcode.output.clear();
        reactor.runDue();
        assertEquals(List.of("// SD print started: short.gcode (120 bytes)", "Done printing file",
                "// Print finished: short.gcode in 0:00:50"), gcode.output);
    }

    @Test
    void theFinishLineGivesPrintStatsTotalTimeAndFilament() throws IOException {
        write("part.gcode", "G1 X1\n");
        load();
        stats.extraStatus.put("total_duration", 3725.4);
        stats.extraStatus.put("filament_used", 1234.56);
        gcode.run("SDCARD_PRINT_FILE FILENAME=part.gcode");
        reactor.runDue();
        assertEquals("// Print finished: part.gcode in 1:02:05, filament used 1234.6 mm",
                gcode.output.get(gcode.output.size() - 1));
    }
}
