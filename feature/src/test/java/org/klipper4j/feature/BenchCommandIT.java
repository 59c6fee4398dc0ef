/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code klipper4j bench} runs batch mode and reports the real move and step counts. */
class BenchCommandIT {

    private static final long RUN_TIMEOUT_S = 180;
    /** The G0/G1 lines of bench/moves.gcode, counted by hand. */
    private static final long MOVES_IN_FILE = 27;
    private static final Pattern QUEUE_STEP_COUNT = Pattern.compile("^queue_step .* count=(\\d+) ");

    private final Path dist = Path.of(ItSetup.jarPath("it.dist"));

    @TempDir
    Path work;

    private record Result(int exitCode, String stdout, String stderr) {
    }

    private Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sh", dist.resolve("bin/klipper4j").toString()));
        command.addAll(List.of(args));
        Path out = work.resolve("stdout-" + args[0]);
        Path err = work.resolve("stderr-" + args[0]);
        Process process = new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(RUN_TIMEOUT_S, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("klipper4j " + String.join(" ", args) + " did not end within "
                    + RUN_TIMEOUT_S + " s; stderr: " + Files.readString(err));
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static Path resource(String name) throws Exception {
        return Path.of(BenchCommandIT.class.getResource("/bench/" + name).toURI());
    }

    private static long figure(String report, String label) {
        Matcher m = Pattern.compile("(?m)^" + label + ":\\s+(\\d+)$").matcher(report);
        assertTrue(m.find(), label + " in " + report);
        return Long.parseLong(m.group(1));
    }

    @Test
    void reportsTheMovesOfTheFileAndTheStepsOfTheOutput() throws Exception {
        Path output = work.resolve("bench.serial");
        Result bench = run("bench", resource("printer.cfg").toString(), resource("moves.gcode").toString(),
                "-d", resource("atmega2560.dict").toString(), "-o", output.toString());
        assertEquals(0, bench.exitCode(), bench.stdout() + bench.stderr());

        Result dump = run("dump", resource("atmega2560.dict").toString(), output.toString());
        assertEquals(0, dump.exitCode(), dump.stderr());
        long steps = 0;
        for (String line : dump.stdout().lines().toList()) {
            Matcher m = QUEUE_STEP_COUNT.matcher(line);
            if (m.find()) {
                steps += Long.parseLong(m.group(1));
            }
        }
        assertTrue(steps > 1000, "the moves make steps: " + steps);
        assertEquals(MOVES_IN_FILE, figure(bench.stdout(), "moves"), bench.stdout());
        assertEquals(steps, figure(bench.stdout(), "steps"), bench.stdout());
        assertTrue(bench.stdout().contains("time to ready:"), bench.stdout());
        assertTrue(bench.stdout().matches("(?s).*peak RSS:\\s+\\d+\\.\\d MB \\(VmHWM\\).*"), bench.stdout());
    }

    @Test
    void withoutADictionaryItSaysSoAndFails() throws Exception {
        Result bench = run("bench", resource("printer.cfg").toString(), resource("moves.gcode").toString());
        assertEquals(2, bench.exitCode());
        assertTrue(bench.stderr().contains("Missing required option: '--dictionary=[NAME=]FILE'"), bench.stderr());
    }
}
